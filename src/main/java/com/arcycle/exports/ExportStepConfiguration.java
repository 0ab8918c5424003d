package com.arcycle.exports;

import org.springframework.batch.core.step.Step;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The cycle's CSV files, one step each ({@link CsvExportSteps}), in the order the manifest lists them. */
@Configuration(proxyBeanMethods = false)
class ExportStepConfiguration {

    @Bean
    Step agedReceivablesFileStep(CsvExportSteps steps) {
        return steps.step(CycleExports.AGED_RECEIVABLES);
    }

    @Bean
    Step feesFileStep(CsvExportSteps steps) {
        return steps.step(CycleExports.FEES);
    }

    @Bean
    Step dunningFileStep(CsvExportSteps steps) {
        return steps.step(CycleExports.DUNNING);
    }

    @Bean
    Step collectionsReferralFileStep(CsvExportSteps steps) {
        return steps.step(CycleExports.COLLECTIONS_REFERRAL);
    }

    @Bean
    Step writeOffFileStep(CsvExportSteps steps) {
        return steps.step(CycleExports.WRITE_OFF);
    }

    @Bean
    Step serviceSuspensionFileStep(CsvExportSteps steps) {
        return steps.step(CycleExports.SERVICE_SUSPENSION);
    }

    @Bean
    Step callListFileStep(CsvExportSteps steps) {
        return steps.step(CycleExports.CALL_LIST);
    }

    @Bean
    Step rejectsFileStep(CsvExportSteps steps) {
        return steps.step(CycleExports.REJECTS);
    }
}
