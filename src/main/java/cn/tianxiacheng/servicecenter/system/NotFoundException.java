package cn.tianxiacheng.servicecenter.system;

import org.springframework.http.HttpStatus;
import org.springframework.modulith.NamedInterface;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * A record that the caller named does not exist; answered with 404 and the message.
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
@NamedInterface("errors")
public class NotFoundException extends RuntimeException {

	public NotFoundException(String message) {
		super(message);
	}

}
