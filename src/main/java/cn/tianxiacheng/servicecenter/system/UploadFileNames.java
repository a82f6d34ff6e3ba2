package cn.tianxiacheng.servicecenter.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.tomcat.util.http.fileupload.InvalidFileNameException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * An upload whose file name holds a NUL: the container refuses to read such a form at all, so
 * the form is read here, before anything else asks for its fields (the CSRF check does), and
 * the refusal is a 400 in Chinese instead of a 500. A form with names the container accepts
 * goes on; {@link PlainText#fileName} checks them further.
 */
class UploadFileNames extends OncePerRequestFilter {

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String contentType = request.getContentType();
		return contentType == null || !contentType.toLowerCase().startsWith("multipart/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			request.getParts();
		}
		catch (InvalidFileNameException badName) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			response.setContentType("text/html;charset=UTF-8");
			response.setCharacterEncoding(StandardCharsets.UTF_8.name());
			response.getWriter()
				.write("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>出错了</title></head>"
						+ "<body><h1>填写的内容有误</h1><p>" + PlainText.BAD_FILE_NAME
						+ "</p><p><a href=\"/\">返回工作台</a></p></body></html>");
			return;
		}
		catch (IllegalStateException | ServletException | IOException otherwise) {
			// too large or not a form: the container gives the same failure to whoever reads it next
		}
		chain.doFilter(request, response);
	}

}
