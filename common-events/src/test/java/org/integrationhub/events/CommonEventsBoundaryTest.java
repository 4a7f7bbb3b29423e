package org.integrationhub.events;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/** common-events is the wire contract every service shares, so it must stay plain Java. */
class CommonEventsBoundaryTest {

    private static final JavaClasses CONTRACT = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.integrationhub.events");

    @Test
    void dependsOnNeitherSpringNorKafka() {
        ArchRule rule = noClasses().that().resideInAPackage("org.integrationhub.events..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.apache.kafka..")
                .because("common-events is the plain-Java wire contract every service shares; move Spring or Kafka"
                        + " code (serdes, listeners, configuration) into the service or service-support module that"
                        + " uses it, and keep only records, the codec and the catalogues here");

        rule.check(CONTRACT);
    }
}
