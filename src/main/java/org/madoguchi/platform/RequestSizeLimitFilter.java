package org.madoguchi.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every size has a limit: requests whose declared body is larger than allowed (1 MB; uploads and CSV
 * 64 MB) are refused with 413 before anything reads them; chunked bodies without a declared length
 * are refused with 411.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RequestSizeLimitFilter extends OncePerRequestFilter {

	private final long maxBodyBytes;
	private final long maxUploadBytes;

	RequestSizeLimitFilter(@Value("${madoguchi.limits.max-body-bytes:1048576}") long maxBodyBytes,
			@Value("${madoguchi.limits.max-upload-bytes:67108864}") long maxUploadBytes) {
		this.maxBodyBytes = maxBodyBytes;
		this.maxUploadBytes = maxUploadBytes;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String type = request.getContentType();
		String lower = type == null ? "" : type.toLowerCase();
		boolean upload = lower.startsWith("multipart/") || lower.startsWith("text/csv");
		long limit = upload ? maxUploadBytes : maxBodyBytes;
		long length = request.getContentLengthLong();
		boolean hasBody = switch (request.getMethod()) {
			case "POST", "PUT", "PATCH" -> true;
			default -> false;
		};
		if (hasBody && length < 0 && request.getHeader("Transfer-Encoding") != null) {
			// a body of unknown length could be of any size: ask for a declared length
			response.setStatus(411);
			response.setContentType("application/problem+json");
			response.setCharacterEncoding("UTF-8");
			response.getOutputStream().write(("{\"type\":\"https://madoguchi.org/problems/length-required\",\"status\":411,"
					+ "\"title\":\"Content-Length is required / Content-Length が必要です\"}").getBytes(StandardCharsets.UTF_8));
			return;
		}
		if (length > limit) {
			response.setStatus(413);
			response.setContentType("application/problem+json");
			response.setCharacterEncoding("UTF-8");
			boolean english = request.getHeader("Accept-Language") != null
					&& request.getHeader("Accept-Language").startsWith("en");
			String title = english ? "The request is too large (limit " + limit + " bytes)."
					: "リクエストが大きすぎます（上限 " + limit + " バイト）。";
			response.getOutputStream().write(("{\"type\":\"https://madoguchi.org/problems/too-large\",\"status\":413,"
					+ "\"title\":\"" + title + "\",\"limit\":" + limit + "}").getBytes(StandardCharsets.UTF_8));
			return;
		}
		chain.doFilter(request, response);
	}
}
