package cn.tianxiacheng.servicecenter.system;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a page's POST handler: input it refuses (a {@link BadInputException}, a field its form
 * record's validation refuses, a {@link BusinessRuleException} or a {@link ConflictException}) is
 * shown on the page the form is on, with the message and what was typed ({@link RefusedPageInput}).
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface RefusedInputShownOn {

	/** The path of the page's GET mapping, a URI template over the POST's own path variables. */
	String value();

}
