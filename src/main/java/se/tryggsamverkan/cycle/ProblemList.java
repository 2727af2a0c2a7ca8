package se.tryggsamverkan.cycle;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import se.tryggsamverkan.common.InvalidInputException;

/** Reads the list of prioritised problems as the merge form submits it (a JSON list of rows). */
@Component
public class ProblemList {

  public static final int MAX_PROBLEMS = 20;
  private final ObjectMapper json = new ObjectMapper();

  public List<PrioritisedProblem> parse(String jsonList) {
    if (jsonList == null || jsonList.isBlank()) {
      throw InvalidInputException.of("prioritisedProblems", "Ange minst ett prioriterat problem");
    }
    JsonNode root;
    try {
      root = json.readTree(jsonList);
    } catch (JsonProcessingException e) {
      throw InvalidInputException.of("prioritisedProblems", "Listan över prioriterade problem kunde inte läsas");
    }
    if (!root.isArray()) {
      throw InvalidInputException.of("prioritisedProblems", "De prioriterade problemen ska vara en lista");
    }
    List<PrioritisedProblem> problems = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (JsonNode row : root) {
      String title = row.isTextual() ? row.asText() : row.path("title").asText("");
      title = title.trim();
      if (title.isEmpty()) {
        continue;
      }
      if (title.length() > 500) {
        throw InvalidInputException.of("prioritisedProblems", "Ett problems rubrik får vara högst 500 tecken");
      }
      if (!seen.add(title.toLowerCase())) {
        throw InvalidInputException.of("prioritisedProblems", "Problemet '" + title + "' står med två gånger");
      }
      String focusArea = row.path("focusArea").asText("").trim();
      problems.add(new PrioritisedProblem(title, row.path("description").asText("").trim(),
          focusArea.isEmpty() ? null : focusArea));
    }
    if (problems.isEmpty()) {
      throw InvalidInputException.of("prioritisedProblems", "Ange minst ett prioriterat problem");
    }
    if (problems.size() > MAX_PROBLEMS) {
      throw InvalidInputException.of("prioritisedProblems",
          "Högst " + MAX_PROBLEMS + " problem kan prioriteras samma år");
    }
    return problems;
  }
}
