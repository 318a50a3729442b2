package io.adlake.jobs.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shape of the main code across every module: no two packages depend on each other (directly or
 * round a circle), no module reaches into one above it, each platform's package stands alone, and
 * Spark stays out of the platforms module. A rule broken here names the classes and the dependency
 * that broke it.
 */
class ArchitectureTest {
  private static final List<String> PLATFORM_PACKAGES =
      List.of("dv360", "ttd", "meta", "gam", "salesforce", "monetize");

  private static JavaClasses main;

  @BeforeAll
  static void importMainClasses() {
    // Main code only: test classes (and the modules' test jars) may reach across layers to set
    // things up.
    ImportOption mainOnly =
        location -> !location.contains("/test-classes/") && !location.contains("-tests.jar");
    main = new ClassFileImporter().withImportOption(mainOnly).importPackages("io.adlake");
  }

  @Test
  void noPackageDependsOnAnotherThatDependsBackOnIt() {
    slices().matching("io.adlake.(**)").should().beFreeOfCycles().check(main);
  }

  @Test
  void noModuleReachesIntoOneAboveIt() {
    layeredArchitecture()
        .consideringOnlyDependenciesInLayers()
        .layer("model")
        .definedBy("io.adlake.model..")
        .layer("platforms")
        .definedBy("io.adlake.platforms..")
        .layer("catalog")
        .definedBy("io.adlake.catalog..")
        .layer("transforms")
        .definedBy("io.adlake.transforms..")
        .layer("quality")
        .definedBy("io.adlake.quality..")
        .layer("jobs")
        .definedBy("io.adlake.jobs..")
        .whereLayer("jobs")
        .mayNotBeAccessedByAnyLayer()
        .whereLayer("quality")
        .mayOnlyBeAccessedByLayers("jobs")
        .whereLayer("transforms")
        .mayOnlyBeAccessedByLayers("quality", "jobs")
        .whereLayer("catalog")
        .mayOnlyBeAccessedByLayers("quality", "jobs")
        .whereLayer("platforms")
        .mayOnlyBeAccessedByLayers("transforms", "jobs")
        .check(main);
  }

  @Test
  void insideThePlatformsModuleHttpIsTheGroundFloorAndThePlatformsSitOnTheSeams() {
    layeredArchitecture()
        .consideringOnlyDependenciesInLayers()
        .layer("http")
        .definedBy("io.adlake.platforms.http..")
        .layer("seams")
        .definedBy(
            "io.adlake.platforms.fetch..",
            "io.adlake.platforms.writeback..",
            "io.adlake.platforms.notify..")
        .layer("kit")
        .definedBy("io.adlake.platforms.kit..")
        .layer("platform")
        .definedBy(
            PLATFORM_PACKAGES.stream()
                .map(p -> "io.adlake.platforms." + p + "..")
                .toArray(String[]::new))
        .whereLayer("platform")
        .mayNotBeAccessedByAnyLayer()
        .whereLayer("kit")
        .mayOnlyBeAccessedByLayers("platform")
        .whereLayer("seams")
        .mayOnlyBeAccessedByLayers("kit", "platform")
        .check(main);
  }

  @Test
  void eachPlatformsPackageStandsAlone() {
    for (String platform : PLATFORM_PACKAGES) {
      String[] others =
          PLATFORM_PACKAGES.stream()
              .filter(p -> !p.equals(platform))
              .map(p -> "io.adlake.platforms." + p + "..")
              .toArray(String[]::new);
      noClasses()
          .that()
          .resideInAPackage("io.adlake.platforms." + platform + "..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(others)
          .check(main);
    }
  }

  @Test
  void thePlatformsModuleRunsWithoutSpark() {
    noClasses()
        .that()
        .resideInAPackage("io.adlake.platforms..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.apache.spark..", "scala..")
        .check(main);
  }

  @Test
  void transformsReadPlatformFactsNeverTheirHttpCode() {
    DescribedPredicate<JavaClass> talksHttp =
        DescribedPredicate.describe(
            "talk HTTP (java.net.http, or adlake's client, fetch, kit and notify packages)",
            c ->
                isHttp(c.getPackageName())
                    || c.getDirectDependenciesFromSelf().stream()
                        .map(Dependency::getTargetClass)
                        .anyMatch(t -> isHttp(t.getPackageName())));
    noClasses()
        .that()
        .resideInAPackage("io.adlake.transforms..")
        .should()
        .dependOnClassesThat(talksHttp)
        .check(main);
  }

  private static boolean isHttp(String pkg) {
    return pkg.startsWith("java.net.http")
        || pkg.startsWith("io.adlake.platforms.http")
        || pkg.startsWith("io.adlake.platforms.fetch")
        || pkg.startsWith("io.adlake.platforms.kit")
        || pkg.startsWith("io.adlake.platforms.notify");
  }
}
