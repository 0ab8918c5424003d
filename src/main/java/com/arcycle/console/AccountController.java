package com.arcycle.console;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** An account, found by number or name: what someone needs before picking up the phone. */
@Controller
@ConditionalOnWebApplication
class AccountController {

    private final ConsoleQueries queries;

    AccountController(ConsoleQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/accounts")
    String search(@RequestParam(name = "q", required = false) String text, Model model) {
        String q = text == null ? "" : text.strip();
        model.addAttribute("q", q);
        if (!q.isEmpty()) {
            var found = queries.search(q);
            if (found.size() == 1) {
                return "redirect:/account?number=" + java.net.URLEncoder.encode(found.get(0).accountNumber(),
                        java.nio.charset.StandardCharsets.UTF_8);
            }
            model.addAttribute("found", found);
        }
        return "console/accounts";
    }

    @GetMapping("/account")
    String account(@RequestParam("number") String number, Model model) {
        var customer = queries.customer(number)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no account " + number));
        model.addAttribute("customer", customer);
        model.addAttribute("items", queries.openItems(number));
        model.addAttribute("history", queries.stageHistory(number));
        model.addAttribute("notices", queries.notices(number));
        model.addAttribute("promises", queries.promises(number));
        model.addAttribute("disputes", queries.disputes(number));
        return "console/account";
    }
}
