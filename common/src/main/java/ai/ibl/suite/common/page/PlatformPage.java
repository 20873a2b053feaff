package ai.ibl.suite.common.page;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;

/**
 * The platform's paginated envelope: {@code {"status": {...}, "result": {"next", "previous",
 * "count", "data", "num_pages", "page_number", "max_page_size"}}}.
 */
public record PlatformPage<T>(Status status, Result<T> result) {

  public record Status(boolean success, String description) {}

  public record Result<T>(
      String next,
      String previous,
      long count,
      List<T> data,
      @JsonProperty("num_pages") int numPages,
      @JsonProperty("page_number") int pageNumber,
      @JsonProperty("max_page_size") int maxPageSize) {}

  public static <T> PlatformPage<T> of(List<T> data, long total, PageRequest page, UriInfo uri) {
    int pages = total == 0 ? 1 : (int) ((total + page.pageSize() - 1) / page.pageSize());
    String next = page.page() < pages ? link(uri, page.page() + 1) : null;
    String previous = page.page() > 1 ? link(uri, Math.min(page.page() - 1, pages)) : null;
    return new PlatformPage<>(new Status(true, "Ok"),
        new Result<>(next, previous, total, data, pages, page.page(), PageRequest.MAX_SIZE));
  }

  private static String link(UriInfo uri, int page) {
    return uri == null ? null : uri.getRequestUriBuilder().replaceQueryParam("page", page).build().toString();
  }
}
