package com.acme.orders.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.spring.stereotype.Aggregate;
import org.axonframework.spring.stereotype.Saga;

import org.springframework.web.bind.annotation.RestController;

/**
 * The module boundaries the Maven graph cannot express, checked over every module's
 * classes.
 */
@AnalyzeClasses(packages = "com.acme.orders", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

	@ArchTest
	static final ArchRule events_are_records_or_enums_of_plain_types = classes().that()
		.resideInAPackage("com.acme.orders.events..")
		.and()
		.resideOutsideOfPackage("..history..")
		.and()
		.areNotAnonymousClasses()
		.and()
		.doNotHaveSimpleName("package-info")
		.should()
		.beRecords()
		.orShould()
		.beEnums()
		.andShould()
		.onlyDependOnClassesThat()
		.resideInAnyPackage("java..", "com.acme.orders.events..", "org.axonframework.serialization..");

	@ArchTest
	static final ArchRule the_platform_knows_no_context = noClasses().that()
		.resideInAPackage("com.acme.orders.platform..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("com.acme.orders.events..", "com.acme.orders.command..", "com.acme.orders.query..",
				"com.acme.orders.payment..", "com.acme.orders.shipping..");

	@ArchTest
	static final ArchRule the_query_side_never_depends_on_the_command_side = noClasses().that()
		.resideInAPackage("com.acme.orders.query..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("com.acme.orders.command..", "com.acme.orders.payment..", "com.acme.orders.shipping..");

	@ArchTest
	static final ArchRule the_command_side_never_depends_on_the_query_side = noClasses().that()
		.resideInAPackage("com.acme.orders.command..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("com.acme.orders.query..", "com.acme.orders.payment..", "com.acme.orders.shipping..");

	@ArchTest
	static final ArchRule payment_commands_only_its_own_aggregate = noClasses().that()
		.resideInAPackage("com.acme.orders.payment..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("com.acme.orders.shipping..", "com.acme.orders.command..", "com.acme.orders.query..");

	@ArchTest
	static final ArchRule shipping_commands_only_its_own_aggregate = noClasses().that()
		.resideInAPackage("com.acme.orders.shipping..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("com.acme.orders.payment..", "com.acme.orders.command..", "com.acme.orders.query..");

	@ArchTest
	static final ArchRule sagas_hold_no_command_gateway = noFields().that()
		.areDeclaredInClassesThat()
		.areAnnotatedWith(Saga.class)
		.should()
		.haveRawType(CommandGateway.class);

	@ArchTest
	static final ArchRule aggregates_do_not_use_spring = noClasses().that()
		.areAnnotatedWith(Aggregate.class)
		.should()
		.dependOnClassesThat()
		.resideInAPackage("org.springframework..");

	@ArchTest
	static final ArchRule web_does_not_touch_the_aggregate = noClasses().that()
		.resideInAPackage("..web..")
		.should()
		.dependOnClassesThat()
		.areAnnotatedWith(Aggregate.class);

	@ArchTest
	static final ArchRule controllers_end_in_controller_and_live_in_web = classes().that()
		.areAnnotatedWith(RestController.class)
		.should()
		.haveSimpleNameEndingWith("Controller")
		.andShould()
		.resideInAPackage("..web..");

	@ArchTest
	static final ArchRule nothing_uses_jpa = noClasses().should()
		.dependOnClassesThat()
		.resideInAnyPackage("jakarta.persistence..", "org.hibernate..");

}
