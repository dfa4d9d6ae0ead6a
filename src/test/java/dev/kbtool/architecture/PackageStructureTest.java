package dev.kbtool.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.kbtool.catalog.Catalog;
import dev.kbtool.catalog.CommitPoint;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shape docs/architecture.md describes, checked on the compiled main classes. */
class PackageStructureTest {
    static JavaClasses classes;

    @BeforeAll
    static void load() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.kbtool");
    }

    @Test
    void packageDependenciesHaveNoCycles() {
        slices().matching("dev.kbtool.(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void onlyTheTransactionEngineReachesTheCommitPoint() {
        noClasses().that().resideOutsideOfPackages("dev.kbtool.tx", "dev.kbtool.catalog")
                .should().callMethodWhere(DescribedPredicate.describe("a method of CommitPoint",
                        call -> call.getTarget().getOwner().isEquivalentTo(CommitPoint.class)))
                .orShould().callMethod(Catalog.class, "claimCommitPoint")
                .check(classes);
    }

    @Test
    void theLowestRoomsDependOnNothingAboveThem() {
        noClasses().that().resideInAnyPackage("dev.kbtool.text..", "dev.kbtool.failure..", "dev.kbtool.fs..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.kbtool.catalog..", "dev.kbtool.tx..",
                        "dev.kbtool.compile..", "dev.kbtool.convert..", "dev.kbtool.cli..", "dev.kbtool.session..")
                .check(classes);
        noClasses().that().resideInAnyPackage("dev.kbtool.tx..", "dev.kbtool.catalog..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.kbtool.compile..", "dev.kbtool.convert..",
                        "dev.kbtool.ingest..", "dev.kbtool.publish..", "dev.kbtool.render..", "dev.kbtool.cli..",
                        "dev.kbtool.session..")
                .check(classes);
    }
}
