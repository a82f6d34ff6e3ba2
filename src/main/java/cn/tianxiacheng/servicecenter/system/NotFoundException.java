package cn.tianxiacheng.servicecenter.system;

/**
 * A record that the caller named does not exist; answered with 404 and the message.
 */
public class NotFoundException extends RuntimeException {

	public NotFoundException(String message) {
		super(message);
	}

}
