package io.adlake.model.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OrgScopeTest {

  @Test
  void everyOrgIncludesAnyOrgAndNamesNone() {
    OrgScope all = OrgScope.all();
    assertThat(all.isAll()).isTrue();
    assertThat(all.includes("acme-media")).isTrue();
    assertThat(all.includes(OrgId.of("kiwi-retail"))).isTrue();
    assertThatThrownBy(all::named).isInstanceOf(IllegalStateException.class);
    assertThat(all.namedOr(List.of("kiwi-retail", "acme-media")))
        .containsExactly("acme-media", "kiwi-retail");
    assertThat(all).hasToString("every org");
  }

  @Test
  void namedOrgsAreExactlyThoseSortedOnce() {
    OrgScope some = OrgScope.only(List.of("kiwi-retail", "acme-media", "kiwi-retail"));
    assertThat(some.isAll()).isFalse();
    assertThat(some.includes("acme-media")).isTrue();
    assertThat(some.includes(OrgId.of("kiwi-retail"))).isTrue();
    assertThat(some.includes("nova-retail")).isFalse();
    assertThat(some.named()).containsExactly("acme-media", "kiwi-retail");
    assertThat(some.namedOr(List.of("nova-retail")))
        .as("named orgs are given as named")
        .containsExactly("acme-media", "kiwi-retail");
    assertThat(some).hasToString("[acme-media, kiwi-retail]");
    assertThat(OrgScope.only("kiwi-retail", "acme-media")).isEqualTo(some).hasSameHashCodeAs(some);
  }

  @Test
  void namingNoOrgIsNoOrgNotEveryOrg() {
    OrgScope none = OrgScope.only(Set.of());
    assertThat(none.isAll()).isFalse();
    assertThat(none.includes("acme-media")).isFalse();
    assertThat(none.named()).isEmpty();
    assertThat(none.namedOr(List.of("acme-media"))).isEmpty();
    assertThat(none).isEqualTo(OrgScope.only()).isNotEqualTo(OrgScope.all()).hasToString("[]");
  }

  @Test
  void theNamesCannotBeChangedFromOutside() {
    List<String> names = new ArrayList<>(List.of("acme-media"));
    OrgScope scope = OrgScope.only(names);
    names.add("kiwi-retail");
    assertThat(scope.named()).containsExactly("acme-media");
    assertThatThrownBy(() -> scope.named().add("kiwi-retail"))
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
