package cn.tianxiacheng.servicecenter.system;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.beans.TypeMismatchException;
import org.springframework.validation.BindException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The one answer of the pages to refused input, for handlers marked {@link RefusedInputShownOn}:
 * the page the form is on, as its GET mapping draws it, with the 4xx status, the message in
 * {@code error} and the request's parameters still there for the fields to show what was typed.
 * Nothing was changed: the refusal came before any write, or rolled it back. Handlers without the
 * mark get the error page as before.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class RefusedPageInput {

	private static final Logger log = LoggerFactory.getLogger(RefusedPageInput.class);

	private final MessageSource messages;

	RefusedPageInput(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler({ BadInputException.class, BusinessRuleException.class, ConflictException.class,
			BindException.class })
	void showOnTheForm(Exception ex, HandlerMethod handler, HttpServletRequest request,
			HttpServletResponse response) throws Exception {
		RefusedInputShownOn page = handler.getMethodAnnotation(RefusedInputShownOn.class);
		if (page == null) {
			throw ex;
		}
		HttpStatus status = status(ex);
		String message = ex instanceof BindException binding ? binding.getFieldErrors()
			.stream()
			.map(this::describe)
			.distinct()
			.collect(Collectors.joining("；")) : ex.getMessage();
		log.info("Refused page input: {} {} {}", status.value(), request.getRequestURI(), message);
		response.setStatus(status.value());
		request.setAttribute("error", message);
		forwardAsGet(page.value(), request, response);
	}

	/**
	 * The field's own rule when a binding rule refused its value, else the validation's message or
	 * {@code messages.properties}' sentence for its code (a field's name there, or the form's name and
	 * the field's, is its label).
	 */
	private String describe(FieldError error) {
		String rule = error.contains(TypeMismatchException.class)
				? ApiExceptionHandler.ruleOf(error.unwrap(TypeMismatchException.class)) : null;
		if (rule == null) {
			return messages.getMessage(error, Locale.SIMPLIFIED_CHINESE);
		}
		String label = messages.getMessage(new DefaultMessageSourceResolvable(
				new String[] { error.getObjectName() + "." + error.getField(), error.getField() }, error.getField()),
				Locale.SIMPLIFIED_CHINESE);
		return label + "：" + rule;
	}

	private static HttpStatus status(Exception ex) {
		if (ex instanceof BusinessRuleException) {
			return HttpStatus.UNPROCESSABLE_ENTITY;
		}
		return ex instanceof ConflictException ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST;
	}

	@SuppressWarnings("unchecked")
	private static void forwardAsGet(String template, HttpServletRequest request, HttpServletResponse response)
			throws ServletException, IOException {
		Map<String, String> variables = (Map<String, String>) request
			.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
		String path = UriComponentsBuilder.fromUriString(template)
			.buildAndExpand(variables == null ? Map.of() : variables)
			.encode()
			.toUriString();
		request.getRequestDispatcher(path).forward(new HttpServletRequestWrapper(request) {
			@Override
			public String getMethod() {
				return "GET";
			}
		}, response);
	}

}
