package cn.tianxiacheng.servicecenter.system;

import org.springframework.http.HttpStatus;
import org.springframework.modulith.NamedInterface;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * Input that a form or an API does not accept (a field the form does not have, a value outside
 * its options); answered with 400 and the message, and nothing is changed. Not an engine
 * exception, so the engine's REST layer passes it on unwrapped.
 */
@ResponseStatus(HttpStatus.BAD_REQUEST)
@NamedInterface("errors")
public class BadInputException extends RuntimeException {

	public BadInputException(String message) {
		super(message);
	}

}
