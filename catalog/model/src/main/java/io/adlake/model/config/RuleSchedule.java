package io.adlake.model.config;

import java.time.DayOfWeek;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * When a rule is evaluated, in the org's own time zone: on these weekdays, at these hours. A rule
 * not evaluated in a run leaves its alerts as they are (a weekday-only rule does not resolve its
 * alerts on Saturday).
 *
 * @param days mon ... sun; absent means every day
 * @param hours 0 ... 23, the hour the evaluation starts in; absent means every hour
 */
public record RuleSchedule(List<String> days, List<Integer> hours) {

  public static final RuleSchedule ALWAYS = new RuleSchedule(null, null);

  public RuleSchedule {
    days = days == null ? List.of() : List.copyOf(days);
    hours = hours == null ? List.of() : List.copyOf(hours);
    for (String day : days) {
      parse(day);
    }
    for (Integer hour : hours) {
      if (hour == null || hour < 0 || hour > 23) {
        throw new IllegalArgumentException("schedule hours are 0 to 23, was " + hour);
      }
    }
  }

  public boolean includes(ZonedDateTime localTime) {
    Set<DayOfWeek> on = EnumSet.noneOf(DayOfWeek.class);
    days.forEach(d -> on.add(parse(d)));
    return (on.isEmpty() || on.contains(localTime.getDayOfWeek()))
        && (hours.isEmpty() || hours.contains(localTime.getHour()));
  }

  private static DayOfWeek parse(String day) {
    for (DayOfWeek d : DayOfWeek.values()) {
      if (d.getDisplayName(TextStyle.SHORT, Locale.ENGLISH).equalsIgnoreCase(day)) {
        return d;
      }
    }
    Set<String> names = new TreeSet<>();
    for (DayOfWeek d : DayOfWeek.values()) {
      names.add(d.getDisplayName(TextStyle.SHORT, Locale.ENGLISH).toLowerCase(Locale.ROOT));
    }
    throw new IllegalArgumentException("schedule day '" + day + "' is not one of " + names);
  }
}
