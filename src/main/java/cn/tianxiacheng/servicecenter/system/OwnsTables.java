package cn.tianxiacheng.servicecenter.system;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a module's {@code package-info}: the tables and views it owns. Only the owner's SQL names
 * them, except those it publishes, which other modules may read but never write. Checked by
 * {@code TableOwnershipTests}.
 */
@Target(ElementType.PACKAGE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface OwnsTables {

	String[] value();

	/** The views (or tables) other modules may read in their own SQL. */
	String[] published() default {};

}
