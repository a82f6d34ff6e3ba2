package cn.tianxiacheng.servicecenter.system;

/**
 * A request that is well formed but breaks a business rule (paying a reversed bill, a meter
 * reading lower than the last…); answered with 422 and the message, and nothing is changed.
 */
public class BusinessRuleException extends RuntimeException {

	public BusinessRuleException(String message) {
		super(message);
	}

}
