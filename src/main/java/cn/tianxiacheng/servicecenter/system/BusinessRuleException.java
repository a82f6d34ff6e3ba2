package cn.tianxiacheng.servicecenter.system;

import org.springframework.http.HttpStatus;
import org.springframework.modulith.NamedInterface;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * A request that is well formed but breaks a business rule (paying a reversed bill, a meter
 * reading lower than the last…); answered with 422 and the message, and nothing is changed.
 */
@ResponseStatus(HttpStatus.UNPROCESSABLE_ENTITY)
@NamedInterface("errors")
public class BusinessRuleException extends RuntimeException {

	public BusinessRuleException(String message) {
		super(message);
	}

}
