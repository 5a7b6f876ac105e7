package org.madoguchi.assistant;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Gives every page the id of this installation's city, for the widget's script tag in the resident portal's
 * layout ({@code data-tenant="${assistantTenant}"}): the layout belongs to another module, and Thymeleaf may not
 * read settings or beans itself.
 */
@ControllerAdvice
class AssistantWidgetAdvice {

	private final AssistantProperties settings;

	AssistantWidgetAdvice(AssistantProperties settings) {
		this.settings = settings;
	}

	@ModelAttribute("assistantTenant")
	String assistantTenant() {
		return settings.city().id();
	}
}
