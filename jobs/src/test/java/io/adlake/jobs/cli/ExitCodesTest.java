package io.adlake.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The exit codes are written twice on the Java side, as constants and as the {@code --help} text
 * (an annotation needs a constant string), and once more in the DAG operator (dags/tests keep that
 * one in step): this keeps the first two in step.
 */
class ExitCodesTest {

  @Test
  void everyCodeIsExplainedInTheHelpOnceAndNothingElseIs() throws IllegalAccessException {
    List<Integer> declared = new ArrayList<>();
    for (Field field : ExitCodes.class.getDeclaredFields()) {
      if (Modifier.isPublic(field.getModifiers()) && field.getType() == int.class) {
        declared.add(field.getInt(null));
      }
    }
    List<Integer> explained = new ArrayList<>();
    Matcher line =
        Pattern.compile("(?m)^\\s*(\\d+)  \\S").matcher(String.format(ExitCodes.DESCRIPTION));
    while (line.find()) {
      explained.add(Integer.parseInt(line.group(1)));
    }
    assertThat(declared).doesNotHaveDuplicates();
    assertThat(explained).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(declared);
    assertThat(explained).as("listed in order").isSorted();
    assertThat(Arrays.asList(0, 1, 2)).isSubsetOf(declared);
  }
}
