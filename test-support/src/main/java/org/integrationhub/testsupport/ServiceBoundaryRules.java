package org.integrationhub.testsupport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The boundary rules every hub service keeps, checked by each service's ArchitectureTest over
 * its production classes.
 */
public final class ServiceBoundaryRules {

    /** The root package of every deployable; a service may depend on none but its own. */
    static final List<String> SERVICE_PACKAGES = List.of(
            "org.integrationhub.auth", "org.integrationhub.connector", "org.integrationhub.webhook",
            "org.integrationhub.sync", "org.integrationhub.mapping", "org.integrationhub.gateway");

    private ServiceBoundaryRules() {
    }

    /** Checks the rules over the production classes in the package of {@code applicationClass} and below. */
    public static void check(Class<?> applicationClass) {
        String own = applicationClass.getPackageName();
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(own);

        String[] others = SERVICE_PACKAGES.stream().filter(p -> !p.equals(own)).map(p -> p + "..").toArray(String[]::new);
        noClasses().should().dependOnClassesThat().resideInAnyPackage(others)
                .because("services meet only through Kafka topics and HTTP APIs; move a shared type to common-events "
                        + "(wire contract) or service-support (runtime support)")
                .allowEmptyShould(true)
                .check(classes);

        noClasses().should().dependOnClassesThat()
                .haveFullyQualifiedName("org.springframework.beans.factory.annotation.Value")
                .because("configuration binds to @ConfigurationProperties records (*Settings); inject the record instead of @Value")
                .allowEmptyShould(true)
                .check(classes);

        noFields().should().beAnnotatedWith(Autowired.class)
                .because("dependencies come through the constructor, so a class shows what it needs and tests can build it")
                .allowEmptyShould(true)
                .check(classes);
    }
}
