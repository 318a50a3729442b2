package io.adlake.catalog.fs;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsPermission;

/**
 * Hadoop's local file system ({@code file:}), checksum files included, except that it sets a file's
 * permissions through {@code java.nio} instead of a {@code chmod} process.
 *
 * <p>Without Hadoop's native library, which no Maven artifact ships, {@link RawLocalFileSystem}
 * forks {@code chmod} for every file it creates and for its {@code .crc} file: one {@code adlake
 * demo} on the embedded warehouse started 1,963 of them, each from a JVM of several gigabytes, on
 * the writing task's thread. The permissions set are the same; a mode {@code java.nio} cannot
 * express (setuid, setgid, sticky) still goes to Hadoop's own code.
 */
public final class LocalFileSystemWithoutForks extends LocalFileSystem {

  /** The {@code spark.hadoop.*} setting that makes Spark and Iceberg use it for {@code file:}. */
  public static final String SPARK_SETTING = "spark.hadoop.fs.file.impl";

  public LocalFileSystemWithoutForks() {
    super(new NioPermissions());
  }

  /** The raw local file system with {@link #setPermission} in-process. */
  static final class NioPermissions extends RawLocalFileSystem {
    private static final boolean POSIX =
        FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    @Override
    public void setPermission(Path p, FsPermission permission) throws IOException {
      short mode = permission.toShort();
      if (!POSIX || (mode & ~0777) != 0) {
        super.setPermission(p, permission);
        return;
      }
      Files.setPosixFilePermissions(pathToFile(p).toPath(), posix(mode));
    }

    /** The nine permission bits of an octal mode, owner's first. */
    static Set<PosixFilePermission> posix(short mode) {
      PosixFilePermission[] order = PosixFilePermission.values(); // OWNER_READ ... OTHERS_EXECUTE
      Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
      for (int i = 0; i < order.length; i++) {
        if ((mode & (0400 >> i)) != 0) {
          set.add(order[i]);
        }
      }
      return set;
    }
  }
}
