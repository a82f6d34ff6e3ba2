package cn.tianxiacheng.servicecenter.system;

import org.springframework.http.HttpStatus;
import org.springframework.modulith.NamedInterface;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * A request that conflicts with what was already done (the same request id with another body,
 * reversing twice); answered with 409 and the message.
 */
@ResponseStatus(HttpStatus.CONFLICT)
@NamedInterface("errors")
public class ConflictException extends RuntimeException {

	public ConflictException(String message) {
		super(message);
	}

}
