package org.billing.invoicing.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layering STYLE.md asks for, checked on the compiled module (invoice-client, invoice-ejb and
 * invoice-web, all on this classpath).
 */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.billing.invoicing");
    }

    @Test
    void periodRulesArePlainJava() {
        noClasses()
                .that()
                .resideInAPackage("..period..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("jakarta..", "javax..", "org.eclipse..")
                .check(classes);
    }

    @Test
    void theServicesKnowNothingOfHttpOrScreens() {
        noClasses()
                .that()
                .resideOutsideOfPackages("..api..", "..web..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("jakarta.ws.rs..", "jakarta.faces..", "org.primefaces..")
                .check(classes);
    }

    @Test
    void restResourcesAndBackingBeansGoThroughServices() {
        noClasses()
                .that()
                .resideInAnyPackage("..api..", "..web..")
                .should()
                .dependOnClassesThat()
                .areAssignableTo(EntityManager.class)
                .orShould()
                .dependOnClassesThat()
                .areAnnotatedWith(Entity.class)
                .because("resources and beans map service views, never entities (STYLE 8, 9)")
                .check(classes);
    }

    @Test
    void theProductNeverNeedsTheDemoData() {
        noClasses()
                .that()
                .resideOutsideOfPackage("..demo..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("..demo..")
                .because("the generator lives in invoice-demo, which the EAR does not carry; the start finds it"
                        + " as a DemoDataLoader service")
                .check(classes);
    }

    @Test
    void restAndScreensStayApart() {
        noClasses()
                .that()
                .resideInAPackage("..api..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("..web..")
                .check(classes);
        noClasses()
                .that()
                .resideInAPackage("..web..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("..api..")
                .check(classes);
    }
}
