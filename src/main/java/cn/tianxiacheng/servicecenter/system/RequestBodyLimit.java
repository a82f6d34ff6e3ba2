package cn.tianxiacheng.servicecenter.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A request body to {@code /api}, {@code /engine-rest} or the webapps' API is at most
 * {@code servicecenter.max-request-body} (1 MB): a 9 MB comment or form is refused with a 413
 * before anything reads it. Uploads (multipart, the activities' photos) have their own limits
 * ({@code spring.servlet.multipart}).
 */
class RequestBodyLimit extends OncePerRequestFilter {

	private final long maxBytes;

	RequestBodyLimit(DataSize max) {
		this.maxBytes = max.toBytes();
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String contentType = request.getContentType();
		return contentType != null && contentType.toLowerCase().startsWith("multipart/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getContentLengthLong() > maxBytes) {
			refuse(response);
			return;
		}
		chain.doFilter(new Limited(request, maxBytes), response);
	}

	private void refuse(HttpServletResponse response) throws IOException {
		response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.getWriter()
			.write("{\"type\":\"PayloadTooLarge\",\"status\":413,\"message\":\"请求内容过大（最多 " + maxBytes / 1024
					+ " KB），请精简后重试\",\"detail\":\"请求内容过大（最多 " + maxBytes / 1024 + " KB），请精简后重试\"}");
	}

	/** A body sent without its length (chunked) stops being read at the limit. */
	private static final class Limited extends HttpServletRequestWrapper {

		private final long maxBytes;

		Limited(HttpServletRequest request, long maxBytes) {
			super(request);
			this.maxBytes = maxBytes;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			ServletInputStream body = super.getInputStream();
			return new ServletInputStream() {

				private long read;

				@Override
				public int read() throws IOException {
					int b = body.read();
					if (b >= 0 && ++read > maxBytes) {
						throw new IOException("request body above " + maxBytes + " bytes");
					}
					return b;
				}

				@Override
				public int read(byte[] buffer, int offset, int length) throws IOException {
					int n = body.read(buffer, offset, length);
					if (n > 0 && (read += n) > maxBytes) {
						throw new IOException("request body above " + maxBytes + " bytes");
					}
					return n;
				}

				@Override
				public boolean isFinished() {
					return body.isFinished();
				}

				@Override
				public boolean isReady() {
					return body.isReady();
				}

				@Override
				public void setReadListener(ReadListener listener) {
					body.setReadListener(listener);
				}

			};
		}

	}

}
