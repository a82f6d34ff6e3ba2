package cn.tianxiacheng.servicecenter.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * The engine's REST answers ({@code /engine-rest}, and the webapps' API under
 * {@code /camunda/api}) say what went wrong in Chinese and nothing more: a client error is a
 * 4xx (an unknown id 404, a task someone else claimed or already completed 409, a broken
 * business rule 422), and no body carries SQL, a stack trace or a class name. Camunda's REST
 * layer knows only 400, 403 and 500; this filter maps the rest by the error's type and keeps
 * the message only when it is the application's own (Chinese) sentence.
 */
class EngineErrorResponses extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(EngineErrorResponses.class);

	private static final Pattern CHINESE = Pattern.compile("\\p{IsHan}");

	private static final Map<String, Integer> STATUS_BY_TYPE = Map.of("NotFoundException", 404, "NullValueException",
			404, "ConflictException", 409, "TaskAlreadyClaimedException", 409, "OptimisticLockingException", 409,
			"BusinessRuleException", 422, "DecisionNotMadeException", 409, "BadInputException", 400,
			"AccessDeniedException", 403);

	/** What an unknown id is answered with, and a record of another estate. */
	static final String NOT_FOUND = "没有找到要办理的记录，可能已被删除或编号有误";

	private static final Map<Integer, String> MESSAGE_BY_STATUS = Map.of(400, "请求内容不正确，请检查后重试", 401, "请先登录",
			403, "您的岗位没有权限办理此事项", 404, NOT_FOUND, 409, "此事项已被他人办理或状态已改变，请刷新后再试", 422,
			"此操作不符合业务规则");

	/**
	 * Refusals the engine words as server errors although the request was at fault, by the
	 * engine's message code.
	 */
	private static final Map<String, String> BAD_REQUESTS_BY_CODE = Map.of("ENGINE-13024",
			"发起流程时不能跳过流程的监听器或输入输出映射");

	private static final String SERVER_ERROR = "服务器处理出错，请稍后重试；如仍出错，请联系系统管理员";

	private static final String REFUSAL = EngineErrorResponses.class.getName() + ".refusal";

	private final ObjectMapper json = new ObjectMapper();

	private final RefusalLog refusals;

	EngineErrorResponses(RefusalLog refusals) {
		this.refusals = refusals;
	}

	/**
	 * Remembers, for the request being served, why the engine's guard refused it: some REST
	 * resources wrap whatever a command throws in a 400 or 500 of their own, and the answer must
	 * still be the refusal's status and sentence.
	 */
	static void recordRefusal(RuntimeException refusal) {
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		if (request != null) {
			request.setAttribute(REFUSAL, refusal, RequestAttributes.SCOPE_REQUEST);
		}
	}

	/** Whether the engine's guard (or a delegate's check) refused the request being served. */
	static boolean refusalRecorded() {
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		return request != null && request.getAttribute(REFUSAL, RequestAttributes.SCOPE_REQUEST) != null;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return !(path.startsWith("/engine-rest/") || path.startsWith("/camunda/api/"));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
		try {
			chain.doFilter(request, wrapper);
			if (wrapper.getStatus() >= 400 && isJsonOrText(wrapper.getContentType())) {
				rewrite(request, wrapper);
			}
		}
		finally {
			wrapper.copyBodyToResponse();
		}
	}

	private void rewrite(HttpServletRequest request, ContentCachingResponseWrapper response) throws IOException {
		JsonNode error;
		try {
			error = json.readTree(response.getContentAsByteArray());
		}
		catch (IOException notJson) {
			error = null;
		}
		String type = error == null ? "" : error.path("type").asText("");
		String message = error == null ? "" : error.path("message").asText("");
		int status = response.getStatus() >= 500 ? STATUS_BY_TYPE.getOrDefault(type, response.getStatus())
				: response.getStatus();
		for (Map.Entry<String, String> badRequest : BAD_REQUESTS_BY_CODE.entrySet()) {
			if (status >= 500 && message.contains(badRequest.getKey())) {
				status = 400;
				message = badRequest.getValue();
			}
		}
		if (request.getAttribute(REFUSAL) instanceof RuntimeException refusal) {
			type = refusal.getClass().getSimpleName();
			message = refusal.getMessage();
			status = refusal instanceof LoginDelayedException ? 429 : STATUS_BY_TYPE.getOrDefault(type, 403);
			if (refusal instanceof LoginDelayedException delayed) {
				response.setHeader("Retry-After", String.valueOf(delayed.seconds()));
			}
		}
		if (status >= 500) {
			log.error("Engine request {} {} failed: {} {}", request.getMethod(), request.getRequestURI(), type, message);
		}
		else {
			refusals.refused(request, request.getRemoteUser(), "engine request", status + " " + type + " " + message);
		}
		String shown = status >= 500 ? SERVER_ERROR
				: CHINESE.matcher(message).find() ? message : MESSAGE_BY_STATUS.getOrDefault(status, SERVER_ERROR);
		response.resetBuffer();
		response.setStatus(status);
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.getOutputStream()
			.write(json.writeValueAsBytes(Map.of("type", codeOf(status), "message", shown)));
	}

	/** A neutral code in place of the exception's class name. */
	private static String codeOf(int status) {
		return switch (status) {
			case 400 -> "BadRequest";
			case 401 -> "Unauthorized";
			case 403 -> "Forbidden";
			case 404 -> "NotFound";
			case 409 -> "Conflict";
			case 422 -> "BusinessRule";
			case 429 -> "TooManyRequests";
			default -> status >= 500 ? "ServerError" : "ClientError";
		};
	}

	/** JSON from Camunda's REST layer, or the plain text Jersey answers a body that is not JSON with. */
	private static boolean isJsonOrText(String contentType) {
		return contentType != null && (contentType.contains("json") || contentType.startsWith("text/plain"));
	}

}
