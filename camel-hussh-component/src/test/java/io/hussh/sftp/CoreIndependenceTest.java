package io.hussh.sftp;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The transfer core is shared by the producer and the consumer and usable without Camel. */
class CoreIndependenceTest {

    @Test
    void theTransferCoreImportsNothingFromCamel() {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.hussh");

        noClasses().that().resideInAPackage("io.hussh.sftp..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.camel..", "io.hussh.camel..")
                .check(classes);
    }
}
