package org.madoguchi.identity;

import java.util.List;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * True when {@code madoguchi.identity.trust-anchors} names at least one file (list or comma-separated form), or the
 * development test PKI ({@code madoguchi.identity.dev-directory}) is configured.
 */
class TrustAnchorsConfigured implements Condition {

	@Override
	public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
		return Binder.get(context.getEnvironment())
			.bind("madoguchi.identity.trust-anchors", Bindable.listOf(String.class))
			.map(list -> list.stream().anyMatch(s -> s != null && !s.isBlank()))
			.orElse(false)
				|| !context.getEnvironment().getProperty("madoguchi.identity.dev-directory", "").isBlank();
	}
}
