package org.madoguchi.applications.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.madoguchi.applications.ApiIntake;
import org.madoguchi.applications.Applicant;
import org.madoguchi.applications.Application;
import org.madoguchi.applications.Applications;
import org.madoguchi.applications.Linkage;
import org.madoguchi.attachments.Attachments;
import org.madoguchi.attachments.StoredAttachment;
import org.madoguchi.platform.ApiController;
import org.madoguchi.platform.FieldError;
import org.madoguchi.platform.InvalidInputException;
import org.madoguchi.platform.NotFoundException;
import org.madoguchi.platform.RuleViolationException;
import org.madoguchi.procedures.FieldDefinition;
import org.madoguchi.procedures.FieldType;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Filing applications through the API, for intake systems and partner apps. A client sees only the
 * applications it filed.
 */
@ApiController("/api/v1/applications")
@Tag(name = "Applications", description = "申請の提出と状況確認 / Filing applications and reading their status")
class ApplicationApiController {

	private static final JsonMapper STRICT = JsonMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private final ApiIntake intake;
	private final Applications applications;
	private final Attachments attachments;
	private final Linkage linkage;

	private final org.madoguchi.identity.ElectronicSignatures signatures;

	ApplicationApiController(ApiIntake intake, Applications applications, Attachments attachments, Linkage linkage,
			org.madoguchi.identity.ElectronicSignatures signatures) {
		this.signatures = signatures;
		this.intake = intake;
		this.applications = applications;
		this.attachments = attachments;
		this.linkage = linkage;
	}

	@Operation(summary = "申請を作成・提出する / Create (and optionally submit) an application",
			description = "Send `submit: true` to submit at once; otherwise a draft is created, to which attachments "
					+ "can be uploaded before `POST /{id}/submit`. The `Idempotency-Key` header is required: the same "
					+ "key with the same body returns the first result (header `Idempotent-Replayed: true`); the same "
					+ "key with another body is refused with 409.")
	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<ApplicationJson> create(
			@Parameter(description = "A unique key per intended request, at most 200 characters") @RequestHeader(
					name = "Idempotency-Key", required = false) String idempotencyKey,
			@RequestBody String body) {
		ApiIntake.Request request;
		try {
			request = STRICT.readValue(body, ApiIntake.Request.class);
		}
		catch (JacksonException e) {
			throw new InvalidInputException(FieldError.of("body", "applications.error.json", e.getOriginalMessage()));
		}
		if (request == null) {
			throw new InvalidInputException(FieldError.of("body", "applications.error.json", "null"));
		}
		Applicant client = ApiCallers.current();
		ApiIntake.Result result = intake.create(client, idempotencyKey, body, request);
		Application a = result.application();
		return ResponseEntity.status(HttpStatus.CREATED)
			.location(URI.create("/api/v1/applications/" + a.id()))
			.header("Idempotent-Replayed", String.valueOf(!result.created()))
			.body(ApplicationJson.of(a, applications.attachmentsOf(a.id()), null, false));
	}

	@Operation(summary = "下書きの回答を置き換える / Replace a draft's answers")
	@PutMapping(path = "/{id}/answers", consumes = MediaType.APPLICATION_JSON_VALUE)
	ApplicationJson answers(@PathVariable UUID id, @RequestBody Map<String, Object> answers) {
		Application a = intake.updateAnswers(ApiCallers.current(), id, answers);
		return ApplicationJson.of(a, applications.attachmentsOf(id), null, false);
	}

	@Operation(summary = "添付ファイルを追加する / Upload an attachment to a draft",
			description = "Multipart field `file`; `field` names the procedure's FILE field. The type is decided "
					+ "from the content; the returned id goes into the answers of that field.")
	@PostMapping(path = "/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<ApplicationJson.AttachmentJson> upload(@PathVariable UUID id, @RequestParam String field,
			@RequestParam("file") MultipartFile file) throws IOException {
		Applicant client = ApiCallers.current();
		Application a = intake.get(client, id);
		if (!a.isDraft()) {
			throw new RuleViolationException("applications.error.notEditable");
		}
		FieldDefinition f = applications.procedureOf(a)
			.definition()
			.field(field)
			.filter(x -> x.type() == FieldType.FILE)
			.orElseThrow(() -> new InvalidInputException(FieldError.of("field", "applications.error.unknownFile")));
		long present = applications.attachmentsOf(id).stream().filter(s -> s.fieldId().equals(field)).count();
		if (present >= (f.maxItems() == null ? 1 : f.maxItems())) {
			throw new InvalidInputException(FieldError.of(field, "applications.error.tooManyFiles",
					f.maxItems() == null ? 1 : f.maxItems()));
		}
		StoredAttachment s;
		try (InputStream in = file.getInputStream()) {
			s = attachments.store(id, field, file.getOriginalFilename(), in, new java.util.HashSet<>(f.types()),
					f.maxBytes() == null ? 10L * 1024 * 1024 : f.maxBytes());
		}
		return ResponseEntity.status(HttpStatus.CREATED).body(ApplicationJson.AttachmentJson.of(s));
	}

	record ReplyJson(String message) {
	}

	@Operation(summary = "問い合わせに回答する / Answer the city's question (status INFO_REQUESTED)")
	@PostMapping(path = "/{id}/reply", consumes = MediaType.APPLICATION_JSON_VALUE)
	ApplicationJson reply(@PathVariable UUID id, @RequestBody ReplyJson reply) {
		Applicant client = ApiCallers.current();
		Application a = applications.reply(id, client, reply == null ? null : reply.message(), java.util.List.of());
		return ApplicationJson.of(a, applications.attachmentsOf(id), null, false);
	}

	@Operation(summary = "下書きを提出する / Submit a draft, or resubmit one returned for correction",
			description = "Submitting twice returns the submitted application.")
	@PostMapping("/{id}/submit")
	ApplicationJson submit(@PathVariable UUID id) {
		Application a = intake.submit(ApiCallers.current(), id);
		return ApplicationJson.of(a, applications.attachmentsOf(id), null, false);
	}

	@Operation(summary = "申請の状況 / An application's status and timeline")
	@GetMapping("/{id}")
	ApplicationJson get(@PathVariable UUID id) {
		Applicant client = ApiCallers.current();
		var view = applications.view(id, client);
		return ApplicationJson.of(view.application(), applications.attachmentsOf(id), view.timeline(), false);
	}

	/** One feed entry. */
	record FeedItemJson(long seq, ApplicationJson application) {
	}

	record FeedJson(List<FeedItemJson> items, long nextCursor, long acknowledged, long head) {
	}

	record AckJson(Long cursor, String procedure) {
	}

	@Operation(summary = "受理済み申請のフィード / Feed of accepted applications (pull, at-least-once)",
			description = "Without `after`, starts after the caller's last acknowledgement. Acknowledge with "
					+ "`POST /feed/ack` once the entries are stored; unacknowledged entries are delivered again. "
					+ "A read filtered by `procedure` has its own acknowledgement: send the same `procedure` with the ack.")
	@GetMapping("/feed")
	FeedJson feed(@RequestParam(required = false) Long after, @RequestParam(required = false) String procedure,
			@RequestParam(defaultValue = "100") int limit) {
		String consumer = ApiCallers.current().clientId();
		Linkage.FeedPage page = linkage.read(consumer, after, procedure, limit);
		return new FeedJson(page.items()
			.stream()
			.map(i -> new FeedItemJson(i.seq(), ApplicationJson.of(i.application(), i.attachments(), null, true,
						signatures.accepted(i.application().id()).orElse(null))))
			.toList(), page.nextCursor(), page.acknowledged(), page.head());
	}

	@Operation(summary = "フィードの受領確認 / Acknowledge the feed up to a cursor")
	@PostMapping(path = "/feed/ack", consumes = MediaType.APPLICATION_JSON_VALUE)
	Map<String, Long> ack(@RequestBody AckJson ack) {
		if (ack == null || ack.cursor() == null) {
			throw new InvalidInputException(FieldError.of("cursor", "applications.error.required"));
		}
		return Map.of("acknowledged",
				linkage.acknowledge(ApiCallers.current().clientId(), ack.procedure(), ack.cursor()));
	}

	static NotFoundException notFound() {
		return new NotFoundException("application");
	}
}
