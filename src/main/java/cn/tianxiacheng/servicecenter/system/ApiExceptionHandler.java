package cn.tianxiacheng.servicecenter.system;

import java.util.stream.Collectors;

import org.camunda.bpm.engine.AuthorizationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Answers bad input on {@code /api} with an RFC 9457 problem whose {@code detail} a
 * receptionist can read, never a 500 with a stack trace.
 */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

	@ExceptionHandler(NotFoundException.class)
	ProblemDetail notFound(NotFoundException ex) {
		return problem(HttpStatus.NOT_FOUND, ex.getMessage());
	}

	@ExceptionHandler(BadInputException.class)
	ProblemDetail badInput(BadInputException ex) {
		return problem(HttpStatus.BAD_REQUEST, ex.getMessage());
	}

	@ExceptionHandler(BusinessRuleException.class)
	ProblemDetail businessRule(BusinessRuleException ex) {
		return problem(HttpStatus.UNPROCESSABLE_ENTITY, ex.getMessage());
	}

	@ExceptionHandler(ConflictException.class)
	ProblemDetail conflict(ConflictException ex) {
		return problem(HttpStatus.CONFLICT, ex.getMessage());
	}

	@ExceptionHandler(AccessDeniedException.class)
	ProblemDetail forbidden(AccessDeniedException ex) {
		return problem(HttpStatus.FORBIDDEN, ex.getMessage());
	}

	/** The engine refused the call under the caller's Camunda authorizations. */
	@ExceptionHandler(AuthorizationException.class)
	ProblemDetail notAuthorized(AuthorizationException ex) {
		log.info("Camunda authorization refused: {}", ex.getMessage());
		return titled(ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, "您的岗位没有权限办理此事项"));
	}

	/** What Spring answers by itself (a method or media type not served, a body too large) in Chinese too. */
	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		ResponseEntity<Object> answer = super.handleExceptionInternal(ex, body, headers, statusCode, request);
		if (answer != null && answer.getBody() instanceof ProblemDetail problem) {
			titled(problem).setDetail(ProblemTitles.of(problem.getStatus()));
			log.info("Rejected API request: {} {}", problem.getStatus(), ex.getMessage());
		}
		return answer;
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		String detail = ex.getBindingResult()
			.getAllErrors()
			.stream()
			.map(MessageSourceResolvable::getDefaultMessage)
			.collect(Collectors.joining("；"));
		return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, detail));
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, JsonRefusals.describe(ex.getCause())));
	}

	@Override
	protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
			.body(problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "请以 JSON 格式发送请求内容（Content-Type: application/json）"));
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		String detail = ex.getAllErrors()
			.stream()
			.map(MessageSourceResolvable::getDefaultMessage)
			.collect(Collectors.joining("；"));
		return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, detail));
	}

	@Override
	protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, refusal(ex)));
	}

	@Override
	protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "缺少参数 " + ex.getParameterName()));
	}

	/** The rule's own sentence when a binding rule refused the value, else what was expected. */
	static String refusal(TypeMismatchException ex) {
		String name = ex instanceof MethodArgumentTypeMismatchException argument ? argument.getName() : ex.getPropertyName();
		String rule = ruleOf(ex);
		return rule != null ? "参数 " + name + "：" + rule : "参数 " + name + " 的值格式不正确";
	}

	/** The sentence of the binding rule that refused a value ({@link PlainInputBinding}), if one did. */
	static String ruleOf(TypeMismatchException ex) {
		for (Throwable cause = ex.getCause(); cause != null; cause = cause.getCause()) {
			if (cause instanceof PlainInputBinding.RefusedValue refused) {
				return refused.getMessage();
			}
		}
		return null;
	}

	static ProblemDetail problem(HttpStatus status, String detail) {
		log.info("Rejected API request: {} {}", status.value(), detail);
		return titled(ProblemDetail.forStatusAndDetail(status, detail));
	}

	/** The problem's title in Chinese, not the status's English reason phrase. */
	private static ProblemDetail titled(ProblemDetail problem) {
		problem.setTitle(ProblemTitles.of(problem.getStatus()));
		return problem;
	}

}
