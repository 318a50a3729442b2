package io.adlake.jobs.run;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which step an {@code adlake run} was in, read from the progress lines it had logged (see
 * PipelineRun).
 */
final class RunLog {
  private RunLog() {}

  static final String STARTUP = "startup";

  /** "run <id> attempt <n>: <step>", the line PipelineRun logs as it starts a step after silver. */
  private static final Pattern ATTEMPT_STEP = Pattern.compile("attempt \\d+: ([a-z-]+)$");

  private static final Pattern PROGRESS = Pattern.compile("^\\[ *[0-9.]+s\\] (.*)$");

  static String stepAt(String log) {
    String step = STARTUP;
    for (String line : log.split("\n")) {
      Matcher progress = PROGRESS.matcher(line);
      if (!progress.matches()) {
        if (line.startsWith("Ingest ")) {
          step = "report"; // the summary printed after the publish
        }
        continue;
      }
      String text = progress.group(1);
      Matcher attempt = ATTEMPT_STEP.matcher(text);
      if (text.startsWith("run: ingesting") || text.startsWith("ingest")) {
        step = "ingest";
      } else if (text.contains(": building silver on branch")) {
        step = "silver";
      } else if (attempt.find()) {
        step = attempt.group(1);
      }
    }
    return step;
  }
}
