package io.adlake.catalog.landing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** A landing zone on a local or mounted file system. */
public final class LocalLandingStore implements LandingStore {

  @Override
  public List<LandedFile> list(String location) throws IOException {
    Path root = toPath(location);
    if (!Files.exists(root)) {
      throw new IOException("landing location does not exist: " + root);
    }
    if (Files.isRegularFile(root)) {
      return List.of(new LandedFile(root.toUri().toString(), Files.size(root)));
    }
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile)
          .map(
              p -> {
                try {
                  return new LandedFile(p.toUri().toString(), Files.size(p));
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              })
          .sorted(Comparator.comparing(LandedFile::uri))
          .toList();
    }
  }

  @Override
  public List<LandedFile> listIfPresent(String location) throws IOException {
    return Files.exists(toPath(location)) ? list(location) : List.of();
  }

  @Override
  public InputStream open(String uri) throws IOException {
    return Files.newInputStream(toPath(uri));
  }

  @Override
  public void write(String uri, byte[] content) throws IOException {
    Path path = toPath(uri);
    Files.createDirectories(path.getParent());
    Files.write(path, content);
  }

  /**
   * Copied next to its place under a hidden name (the landing scan leaves out names starting with
   * '.'), then moved in one step.
   */
  @Override
  public void put(String uri, Path file) throws IOException {
    Path path = toPath(uri);
    Files.createDirectories(path.getParent());
    Path part = path.resolveSibling("." + path.getFileName() + ".part");
    Files.copy(file, part, StandardCopyOption.REPLACE_EXISTING);
    try {
      Files.move(part, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(part);
    }
  }

  static Path toPath(String location) {
    return location.startsWith("file:")
        ? Path.of(URI.create(location))
        : Path.of(location).toAbsolutePath();
  }
}
