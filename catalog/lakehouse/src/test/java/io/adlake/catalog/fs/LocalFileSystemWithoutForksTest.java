package io.adlake.catalog.fs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.FsPermission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The file system Spark and Iceberg get for {@code file:} through the setting adlake's local
 * sessions carry: files and folders with the modes Hadoop's own code gives them, checksums kept.
 */
class LocalFileSystemWithoutForksTest {

  @TempDir java.nio.file.Path dir;

  private FileSystem fileSystem() throws Exception {
    Configuration conf = new Configuration(false);
    conf.set("fs.file.impl", LocalFileSystemWithoutForks.class.getName());
    conf.setBoolean("fs.file.impl.disable.cache", true);
    conf.set("fs.permissions.umask-mode", "027");
    return FileSystem.get(dir.toUri(), conf);
  }

  @Test
  void aCreatedFileGetsTheDefaultModeLessTheUmaskAndItsChecksumFile() throws Exception {
    FileSystem fs = fileSystem();
    assertThat(fs).isInstanceOf(LocalFileSystemWithoutForks.class);
    Path file = new Path(dir.resolve("part-0.parquet").toUri());
    try (OutputStream out = fs.create(file)) {
      out.write("rows".getBytes(StandardCharsets.UTF_8));
    }

    assertThat(
            PosixFilePermissions.toString(
                Files.getPosixFilePermissions(dir.resolve("part-0.parquet"))))
        .isEqualTo("rw-r-----");
    assertThat(dir.resolve(".part-0.parquet.crc")).exists();
    try (var in = fs.open(file)) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("rows");
    }
  }

  @Test
  void setPermissionSetsEveryBitAsWrittenAndAFolderGetsItsMode() throws Exception {
    FileSystem fs = fileSystem();
    Path file = new Path(dir.resolve("m.json").toUri());
    fs.create(file).close();

    fs.setPermission(file, new FsPermission((short) 0751));
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("m.json"))))
        .isEqualTo("rwxr-x--x");
    fs.setPermission(file, new FsPermission((short) 0604));
    assertThat(fs.getFileStatus(file).getPermission().toShort()).isEqualTo((short) 0604);

    Path folder = new Path(dir.resolve("data/org=acme").toUri());
    assertThat(fs.mkdirs(folder, new FsPermission((short) 0750))).isTrue();
    assertThat(
            PosixFilePermissions.toString(
                Files.getPosixFilePermissions(dir.resolve("data/org=acme"))))
        .isEqualTo("rwxr-x---");
  }
}
