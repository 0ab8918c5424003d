package com.arcycle.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A password never shows where a database URL, or a driver's message about it, is printed. */
class JdbcUrlsTests {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            jdbc:mysql://u:secret@db.example:3306/arcycle                    | jdbc:mysql://u:***@db.example:3306/arcycle
            jdbc:mysql://u:se:cr@et@db.example/arcycle?sslMode=REQUIRED      | jdbc:mysql://u:***@db.example/arcycle?sslMode=REQUIRED
            jdbc:mysql://:secret@[::1]:3306/arcycle                          | jdbc:mysql://:***@[::1]:3306/arcycle
            jdbc:mysql://u:p%40ss@db/arcycle                                 | jdbc:mysql://u:***@db/arcycle
            jdbc:mysql:/u:secret@db                                          | jdbc:mysql:/u:***@db
            jdbc:mysql://db/arcycle?user=u&password=secret&sslMode=REQUIRED  | jdbc:mysql://db/arcycle?user=u&password=***&sslMode=REQUIRED
            jdbc:mysql://db/arcycle?password1=a&password2=b&password3=c      | jdbc:mysql://db/arcycle?password1=***&password2=***&password3=***
            jdbc:mysql://db/a?PASSWORD=secret#frag                           | jdbc:mysql://db/a?PASSWORD=***#frag
            jdbc:mysql://db/a?trustCertificateKeyStorePassword=ks&user=u     | jdbc:mysql://db/a?trustCertificateKeyStorePassword=***&user=u
            jdbc:mysql://db/a?clientCertificateKeyStorePassword=ks           | jdbc:mysql://db/a?clientCertificateKeyStorePassword=***
            jdbc:mysql://db/a?xdevapi.ssl-truststore-password=ks             | jdbc:mysql://db/a?xdevapi.ssl-truststore-password=***
            jdbc:mysql://(host=db,port=3306,user=u,password=se&cret)/a       | jdbc:mysql://(host=db,port=3306,user=u,password=***)/a
            jdbc:mysql://address=(host=db)(password=secret)(user=u)/a        | jdbc:mysql://address=(host=db)(password=***)(user=u)/a
            jdbc:mysql://[u:secret@h1:3306,h2:3307]/a                        | jdbc:mysql://[u:***@h1:3306,h2:3307]/a
            jdbc:h2:file:/srv/arcycle/data/arcycle;USER=sa;PASSWORD=secret;MODE=MySQL | jdbc:h2:file:/srv/arcycle/data/arcycle;USER=sa;PASSWORD=***;MODE=MySQL
            jdbc:mariadb://db:3306/a?user=u&pwd=secret                       | jdbc:mariadb://db:3306/a?user=u&pwd=***
            """)
    void passwordsBecomeStars(String url, String shown) {
        assertThat(JdbcUrls.redact(url)).isEqualTo(shown);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            jdbc:mysql://127.0.0.1:3306/arcycle?sslMode=VERIFY_IDENTITY&user=arcycle
            jdbc:mysql://u@db.example:3306/arcycle
            jdbc:mysql://[::1]:3306/arcycle
            jdbc:h2:file:/srv/arcycle/data/arcycle;MODE=MySQL;DB_CLOSE_ON_EXIT=FALSE
            """)
    void urlsWithoutASecretStayAsTheyAre(String url) {
        assertThat(JdbcUrls.redact(url)).isEqualTo(url);
    }

    @Test
    void nullStaysNull() {
        assertThat(JdbcUrls.redact(null)).isNull();
        assertThat(JdbcUrls.redactMessage(null, "jdbc:mysql://u:secret@db/a")).isNull();
    }

    @Test
    void aMessageThatQuotesTheUrlOrEchoesPiecesOfItShowsNoPassword() {
        String url = "jdbc:mysql:/u:s3cr3t-pw@db.example:3306?password2=otp-123456";

        assertThat(JdbcUrls.redactMessage("Unknown database 'u:s3cr3t-pw@db.example:3306'", url))
                .isEqualTo("Unknown database 'u:***@db.example:3306'");
        assertThat(JdbcUrls.redactMessage("Malformed database URL, failed to parse the connection string near"
                + " 's3cr3t-pw@db.example:3306?password2=otp-123456'.", url))
                .doesNotContain("s3cr3t").doesNotContain("otp-123456");
        // as ArcycleApplication.startupProblem words it
        assertThat(JdbcUrls.redactMessage("cannot use the database " + JdbcUrls.redact(url) + ": Connection refused",
                url)).isEqualTo("cannot use the database jdbc:mysql:/u:***@db.example:3306?password2=***: Connection refused");
    }

    @Test
    void redactingTwiceChangesNothing() {
        String url = "jdbc:mysql://u:secret@db/a?password1=x&password2=***y";

        assertThat(JdbcUrls.redact(JdbcUrls.redact(url))).isEqualTo(JdbcUrls.redact(url))
                .isEqualTo("jdbc:mysql://u:***@db/a?password1=***&password2=***");
    }

    @Test
    void aPercentEncodedPasswordIsHiddenInBothForms() {
        String url = "jdbc:mysql://u:p%40ssw0rd@db/a";

        assertThat(JdbcUrls.redactMessage("Access denied: p@ssw0rd / p%40ssw0rd", url))
                .isEqualTo("Access denied: *** / ***");
    }

    @Test
    void theUrlDecodersQuoteOfABadEscapeIsHidden() {
        // Connector/J passes this on as is for jdbc:mysql://u:secret%pw@db/a ("pw" being part of the password)
        String message = "URLDecoder: Illegal hex characters in escape (%) pattern - Error at index 0 in: \"pw\"";

        assertThat(JdbcUrls.redact(message)).isEqualTo(
                "URLDecoder: Illegal hex characters in escape (%) pattern - Error at index 0 in: \"***\"");
    }
}
