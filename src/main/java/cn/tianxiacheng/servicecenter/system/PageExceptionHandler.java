package cn.tianxiacheng.servicecenter.system;

import org.camunda.bpm.engine.AuthorizationException;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/** The app's pages answer an engine's refusal with the Chinese 403 page, not a 500. */
@ControllerAdvice(annotations = Controller.class)
class PageExceptionHandler {

	/** A file above {@code spring.servlet.multipart.max-file-size}: refused before anything is stored. */
	@ExceptionHandler(MaxUploadSizeExceededException.class)
	@ResponseStatus(HttpStatus.PAYLOAD_TOO_LARGE)
	String tooLarge(Model model) {
		model.addAttribute("status", HttpStatus.PAYLOAD_TOO_LARGE.value());
		return "error";
	}

	/** A form field refused by a binding rule ({@link PlainInputBinding}): the page says which and why. */
	@ExceptionHandler(TypeMismatchException.class)
	@ResponseStatus(HttpStatus.BAD_REQUEST)
	String badField(TypeMismatchException ex, Model model) {
		model.addAttribute("status", HttpStatus.BAD_REQUEST.value());
		model.addAttribute("message", ApiExceptionHandler.refusal(ex).replaceFirst("^参数 ", "表单字段 "));
		return "error";
	}

	@ExceptionHandler(AuthorizationException.class)
	@ResponseStatus(HttpStatus.FORBIDDEN)
	String forbidden(Model model) {
		model.addAttribute("status", HttpStatus.FORBIDDEN.value());
		return "error";
	}

}
