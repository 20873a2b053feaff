package ai.ibl.suite.mentor.mentor;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.hibernate.validator.constraints.URL;

/**
 * The body of {@code POST .../mentor-with-settings/}: the seed's fields ({@code new_mentor_name,
 * display_name, template_name, slug, mentor_visibility, seo_tags, metadata, marketing_conversations,
 * moderation_prompt, proactive_message, proactive_prompt, description, system_prompt}) and every
 * other field of the Manager's {@code MentorFromTemplateWithSettingRequest}.
 *
 * <p>Three seed fields are not in the Manager's description: {@code moderation_prompt} and
 * {@code proactive_message} are sent as their described names ({@code moderation_system_prompt},
 * {@code proactive_response}); {@code slug} is kept by this service as the mentor's alias, since the
 * Manager derives its own slug from the name.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MentorRequest(
    @JsonProperty("new_mentor_name") @NotBlank @Size(max = 255) String newMentorName,
    @JsonProperty("template_name") @NotBlank @Size(max = 255) String templateName,
    @JsonProperty("display_name") @Size(max = 255) String displayName,
    @Size(min = 1, max = 255) @Pattern(regexp = "^[-a-zA-Z0-9_]+$", message = "must contain only letters, digits, '-' and '_'") String slug,
    @JsonProperty("mentor_visibility") @Pattern(regexp = "^(viewable_by_tenant_admins|viewable_by_tenant_students|viewable_by_anyone)?$",
        message = "must be viewable_by_tenant_admins, viewable_by_tenant_students or viewable_by_anyone") String mentorVisibility,
    @JsonProperty("seo_tags") JsonNode seoTags,
    JsonNode metadata,
    @JsonProperty("marketing_conversations") JsonNode marketingConversations,
    @JsonProperty("moderation_prompt") String moderationPrompt,
    @JsonProperty("proactive_message") String proactiveMessage,
    @JsonProperty("proactive_prompt") String proactivePrompt,
    String description,
    @JsonProperty("system_prompt") String systemPrompt,
    @JsonProperty("profile_image") @URL @Size(max = 2048) String profileImage,
    @JsonProperty("initial_message") String initialMessage,
    @JsonProperty("suggested_message") String suggestedMessage,
    @Pattern(regexp = "^(dark|light)$", message = "must be dark or light") String theme,
    @JsonProperty("user_message_color") @Size(max = 7) String userMessageColor,
    @JsonProperty("mentor_bubble_color") @Size(max = 7) String mentorBubbleColor,
    @JsonProperty("align_mentor_bubble") @Pattern(regexp = "^(left|right)$", message = "must be left or right") String alignMentorBubble,
    @JsonProperty("llm_provider") @Size(max = 255) String llmProvider,
    @JsonProperty("llm_name") @Size(max = 255) String llmName,
    @JsonProperty("enable_image_generation") Boolean enableImageGeneration,
    @JsonProperty("enable_web_browsing") Boolean enableWebBrowsing,
    @JsonProperty("enable_code_interpreter") Boolean enableCodeInterpreter,
    @JsonProperty("custom_css") String customCss,
    @JsonProperty("uploaded_profile_image") @URL @Size(max = 2048) String uploadedProfileImage,
    @JsonProperty("proactive_response") String proactiveResponse,
    @JsonProperty("greeting_method") @Pattern(regexp = "^(proactive_prompt|proactive_response)$",
        message = "must be proactive_prompt or proactive_response") String greetingMethod,
    Boolean forkable,
    @JsonProperty("forkable_with_training_data") Boolean forkableWithTrainingData,
    @Size(max = 100) List<@NotNull @Positive Long> categories,
    @Size(max = 100) List<@NotNull @Positive Long> types,
    @Size(max = 100) List<@NotNull @Positive Long> subjects,
    @JsonProperty("tool_slugs") @Size(max = 100) List<@NotBlank @Size(max = 255) String> toolSlugs,
    @JsonProperty("llm_temperature") @DecimalMin("0.0") @DecimalMax("1.0") Double llmTemperature,
    String disclaimer,
    @JsonProperty("enable_disclaimer") Boolean enableDisclaimer,
    @JsonProperty("show_attachment") Boolean showAttachment,
    @JsonProperty("show_voice_call") Boolean showVoiceCall,
    @JsonProperty("show_voice_record") Boolean showVoiceRecord,
    @JsonProperty("embed_is_context_aware") Boolean embedIsContextAware,
    @JsonProperty("embed_open_by_default") Boolean embedOpenByDefault,
    @JsonProperty("embed_show_attachment") Boolean embedShowAttachment,
    @JsonProperty("embed_show_voice_call") Boolean embedShowVoiceCall,
    @JsonProperty("embed_show_voice_record") Boolean embedShowVoiceRecord,
    @JsonProperty("placeholder_prompt") String placeholderPrompt,
    @JsonProperty("moderation_system_prompt") String moderationSystemPrompt,
    @JsonProperty("post_processing_prompt") String postProcessingPrompt,
    @JsonProperty("moderation_response") String moderationResponse,
    @JsonProperty("enable_moderation") Boolean enableModeration,
    @JsonProperty("enable_multi_query_rag") Boolean enableMultiQueryRag,
    @JsonProperty("enable_post_processing_system") Boolean enablePostProcessingSystem,
    @JsonProperty("enable_openai_assistant") Boolean enableOpenaiAssistant,
    @JsonProperty("enable_total_grounding") Boolean enableTotalGrounding,
    @JsonProperty("google_voice") @Positive Long googleVoice,
    @JsonProperty("openai_voice") @Positive Long openaiVoice,
    @JsonProperty("enable_suggested_prompts") Boolean enableSuggestedPrompts,
    @JsonProperty("enable_guided_prompts") Boolean enableGuidedPrompts,
    @JsonProperty("mcp_servers") @Size(max = 100) List<@NotNull @Positive Long> mcpServers,
    @JsonProperty("guided_prompt_instructions") String guidedPromptInstructions,
    @JsonProperty("is_featured") Boolean isFeatured) {

  /** The fields whose wire value is JSON of any shape: in a form they arrive as JSON text. */
  static final java.util.Set<String> JSON_FIELDS = java.util.Set.of("seo_tags", "metadata", "marketing_conversations");

  /**
   * What the Manager is sent: the described fields only, seed synonyms moved to their described
   * names (an explicit described field wins), the alias slug left out.
   */
  @JsonIgnore
  MentorRequest forManager() {
    return new MentorRequest(newMentorName, templateName, displayName, null, mentorVisibility, seoTags, metadata,
        marketingConversations, null, null, proactivePrompt, description, systemPrompt, profileImage,
        initialMessage, suggestedMessage, theme, userMessageColor, mentorBubbleColor, alignMentorBubble,
        llmProvider, llmName, enableImageGeneration, enableWebBrowsing, enableCodeInterpreter, customCss,
        uploadedProfileImage, proactiveResponse != null ? proactiveResponse : proactiveMessage, greetingMethod,
        forkable, forkableWithTrainingData, categories, types, subjects, toolSlugs, llmTemperature, disclaimer,
        enableDisclaimer, showAttachment, showVoiceCall, showVoiceRecord, embedIsContextAware, embedOpenByDefault,
        embedShowAttachment, embedShowVoiceCall, embedShowVoiceRecord, placeholderPrompt,
        moderationSystemPrompt != null ? moderationSystemPrompt : moderationPrompt, postProcessingPrompt,
        moderationResponse, enableModeration, enableMultiQueryRag, enablePostProcessingSystem,
        enableOpenaiAssistant, enableTotalGrounding, googleVoice, openaiVoice, enableSuggestedPrompts,
        enableGuidedPrompts, mcpServers, guidedPromptInstructions, isFeatured);
  }
}
