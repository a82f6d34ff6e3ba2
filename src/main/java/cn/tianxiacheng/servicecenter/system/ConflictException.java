package cn.tianxiacheng.servicecenter.system;

/**
 * A request that conflicts with what was already done (the same request id with another body,
 * reversing twice); answered with 409 and the message.
 */
public class ConflictException extends RuntimeException {

	public ConflictException(String message) {
		super(message);
	}

}
