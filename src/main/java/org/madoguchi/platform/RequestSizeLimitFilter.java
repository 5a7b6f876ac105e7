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
 * Every size has a limit: requests whose declared body is larger than allowed are refused with 413
 * before anything reads them (multipart uploads have their own limit in the servlet config); bodies
 * without a declared length are refused too, except for multipart.
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
		boolean multipart = type != null && type.toLowerCase().startsWith("multipart/");
		long limit = multipart ? maxUploadBytes : maxBodyBytes;
		long length = request.getContentLengthLong();
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
