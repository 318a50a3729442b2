package io.adlake.model.org;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.adlake.model.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The orgs adlake serves, kept in {@code conf/orgs.yaml}. Every entry is validated when read and
 * before written.
 */
public final class OrgRegistry {
  /** The registry's file in the conf directory. */
  public static final String FILE = "orgs.yaml";

  private static final ObjectMapper YAML =
      new ObjectMapper(new YAMLFactory().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER))
          .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private record RegistryFile(List<Org> orgs) {}

  private final List<Org> orgs;

  /**
   * By id, so that a lookup stays constant-time with 2,000 orgs (jobs look orgs up per slice and
   * per rule).
   */
  private final Map<OrgId, Org> byId;

  public OrgRegistry(List<Org> orgs) {
    Map<OrgId, Org> index = new LinkedHashMap<>();
    for (Org org : orgs) {
      if (index.putIfAbsent(org.id(), org) != null) {
        throw new ConfigException("org '" + org.id() + "' is registered twice");
      }
    }
    this.orgs = List.copyOf(orgs);
    this.byId = Collections.unmodifiableMap(index);
  }

  public static OrgRegistry load(Path file) {
    if (!Files.exists(file)) {
      return new OrgRegistry(List.of());
    }
    try {
      RegistryFile parsed = YAML.readValue(file.toFile(), RegistryFile.class);
      return new OrgRegistry(parsed == null || parsed.orgs() == null ? List.of() : parsed.orgs());
    } catch (ValueInstantiationException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new ConfigException(file + ": " + cause.getMessage(), e);
    } catch (JsonProcessingException e) {
      throw new ConfigException(file + ": " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new ConfigException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  public List<Org> orgs() {
    return orgs;
  }

  public Optional<Org> find(OrgId id) {
    return Optional.ofNullable(byId.get(id));
  }

  public Org require(OrgId id) {
    return find(id)
        .orElseThrow(
            () ->
                new ConfigException(
                    "org '" + id + "' is not in the org registry; add it with 'adlake org add'"));
  }

  /** A registry with the org added; refuses an id that is already taken. */
  public OrgRegistry with(Org org) {
    if (find(org.id()).isPresent()) {
      throw new ConfigException("org '" + org.id() + "' already exists");
    }
    List<Org> next = new ArrayList<>(orgs);
    next.add(org);
    return new OrgRegistry(next);
  }

  /** Writes the registry atomically: a reader never sees a half-written file. */
  public void save(Path file) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), "orgs", ".yaml.tmp");
      Files.writeString(tmp, toYaml());
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new ConfigException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  String toYaml() throws JsonProcessingException {
    return "# The org registry: read by every job, changed with 'adlake org add'.\n"
        + YAML.writeValueAsString(new RegistryFile(orgs));
  }
}
