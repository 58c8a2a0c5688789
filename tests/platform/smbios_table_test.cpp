// The raw SMBIOS table parser: captured tables give what the kernel put in /sys/class/dmi/id,
// and broken or hostile tables give partial maps without reading past the bytes.
#include "platform/smbios_table.h"

#include <catch2/catch.hpp>

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "platform/dmi_facts.h"
#include "tests/support/fixtures.h"

using namespace examready::platform;
using examready::test::read_fixture;
using Attributes = std::map<std::string, std::string>;
using Bytes = std::vector<std::uint8_t>;

namespace {

Bytes fixture_bytes(const std::string& name) {
  const std::string text = read_fixture("smbios/" + name);
  return {text.begin(), text.end()};
}

// A structure: header (type, length, handle 0x0100), the formatted bytes after the header,
// then the string set (a double NUL when there are no strings).
Bytes structure(std::uint8_t type, const Bytes& formatted,
                const std::vector<std::string>& strings) {
  Bytes out = {type, static_cast<std::uint8_t>(4 + formatted.size()), 0x00, 0x01};
  out.insert(out.end(), formatted.begin(), formatted.end());
  for (const auto& s : strings) {
    out.insert(out.end(), s.begin(), s.end());
    out.push_back(0);
  }
  if (strings.empty()) out.push_back(0);
  out.push_back(0);
  return out;
}

Bytes concat(std::initializer_list<Bytes> parts) {
  Bytes out;
  for (const auto& p : parts) out.insert(out.end(), p.begin(), p.end());
  return out;
}

const Bytes kEnd = structure(127, {}, {});

// RawSMBIOSData as GetSystemFirmwareTable('RSMB') returns it: SMBIOS 3.0, `length` as stated.
Bytes with_raw_header(const Bytes& table, std::uint32_t length) {
  Bytes out = {0, 3, 0, 0};  // calling method, major and minor version, DMI revision
  for (int shift = 0; shift < 32; shift += 8)
    out.push_back(static_cast<std::uint8_t>(length >> shift));
  out.insert(out.end(), table.begin(), table.end());
  return out;
}

// Every key of `part` is in `whole` with the same value.
bool is_part_of(const Attributes& part, const Attributes& whole) {
  for (const auto& [key, value] : part) {
    auto it = whole.find(key);
    if (it == whole.end() || it->second != value) return false;
  }
  return true;
}

}  // namespace

// The build machines have no SMBIOS ("DMI not present or invalid"), so the tables come from
// Debian's kernel booted under QEMU 7.2 with SeaBIOS 1.16.2 (tests/fixtures/smbios/capture.sh):
// NAME.bin is the guest's /sys/firmware/dmi/tables/DMI, NAME.sysfs its /sys/class/dmi/id.
TEST_CASE("SMBIOS table: QEMU q35 defaults give what sysfs showed") {
  // qemu-q35-seabios.sysfs: no board (QEMU builds no type 2 by default), chassis "Other".
  const Attributes sysfs = {{"sys_vendor", "QEMU"},
                            {"product_name", "Standard PC (Q35 + ICH9, 2009)"},
                            {"product_version", "pc-q35-7.2"},
                            {"chassis_type", "1"}};
  CHECK(smbios_attributes(fixture_bytes("qemu-q35-seabios.bin")) == sysfs);
}

TEST_CASE("SMBIOS table: a laptop's strings through SMBIOS 3.0 give what sysfs showed") {
  // qemu-q35-smbios3-laptop.sysfs, from -machine q35,smbios-entry-point-type=64 with -smbios
  // type=1/type=2 strings and a type 3 structure from a file: chassis byte 0x8A (notebook with
  // a lock). The kernel printed product_name with its two trailing spaces; read_attributes
  // trims them, and so does the parser.
  const Attributes sysfs = {{"sys_vendor", "LENOVO"},
                            {"product_name", "20L5CTO1WW"},
                            {"product_version", "ThinkPad T480"},
                            {"board_vendor", "LENOVO"},
                            {"board_name", "20L5CTO1WW"},
                            {"chassis_type", "10"}};
  const Attributes attributes = smbios_attributes(fixture_bytes("qemu-q35-smbios3-laptop.bin"));
  CHECK(attributes == sysfs);
  const MachineFacts facts = dmi_facts(attributes);
  CHECK(facts.brand == "lenovo");
  CHECK(facts.model == "ThinkPad T480");
  CHECK(facts.device_class == "laptop");
}

TEST_CASE("SMBIOS table: the RawSMBIOSData form") {
  const Bytes table = fixture_bytes("qemu-q35-smbios3-laptop.bin");
  const Attributes bare = smbios_attributes(table);
  const auto size = static_cast<std::uint32_t>(table.size());
  CHECK(smbios_attributes_from_raw(with_raw_header(table, size)) == bare);
  // A stated length past the data is cut to the data.
  CHECK(smbios_attributes_from_raw(with_raw_header(table, 0xFFFFFFFF)) == bare);
  // A shorter stated length hides the rest, even though the bytes are there.
  CHECK(smbios_attributes_from_raw(with_raw_header(table, 0x40)).empty());
  CHECK(smbios_attributes_from_raw(with_raw_header(table, 0)).empty());
  CHECK(smbios_attributes_from_raw(Bytes{0, 3, 0, 0, 1, 0, 0}).empty());  // header cut short
  CHECK(smbios_attributes_from_raw(Bytes{}).empty());
}

TEST_CASE("SMBIOS table: Wine 8 without host DMI (captured)") {
  // wine8-rsmb-no-host-dmi.bin: GetSystemFirmwareTable('RSMB') under Wine 8.0 on a build
  // machine without /sys/class/dmi: a synthesized SMBIOS 2.4 table whose strings are all
  // absent (number 0) and whose chassis type is 2, "Unknown".
  const Bytes raw = fixture_bytes("wine8-rsmb-no-host-dmi.bin");
  REQUIRE(raw.size() == 131);
  CHECK(smbios_attributes_from_raw(raw) == Attributes{{"chassis_type", "2"}});
  const MachineFacts facts = dmi_facts(smbios_attributes_from_raw(raw));
  CHECK(facts.vendor.empty());
  CHECK(facts.model.empty());
  CHECK_FALSE(facts.device_class);
}

TEST_CASE("SMBIOS table: string numbers 0 and past the set are absent; blanks trimmed") {
  const Bytes table = concat({
      structure(1, {1, 0, 7}, {"Dell Inc.   ", "XPS 13"}),  // version: string 7 of 2
      structure(2, {1, 2}, {"   ", "0MRT12"}),              // vendor: only spaces
      structure(3, {0, 0x0A}, {}),
      kEnd,
  });
  CHECK(smbios_attributes(table) ==
        Attributes{{"sys_vendor", "Dell Inc."}, {"board_name", "0MRT12"}, {"chassis_type", "10"}});
}

TEST_CASE("SMBIOS table: the first structure holding a field decides it, as in Linux") {
  const Bytes table = concat({
      structure(1, {1}, {"First"}),                  // too short for product_name
      structure(1, {1, 2, 0}, {"Second", "Model"}),  // version: string 0, still decided
      structure(1, {1, 2, 3}, {"Third", "Other", "v3"}),
      kEnd,
  });
  CHECK(smbios_attributes(table) == Attributes{{"sys_vendor", "First"}, {"product_name", "Model"}});
}

TEST_CASE("SMBIOS table: nothing after the end-of-table structure") {
  const Bytes table = concat({structure(3, {0, 9}, {}), kEnd, structure(1, {1}, {"After"})});
  CHECK(smbios_attributes(table) == Attributes{{"chassis_type", "9"}});
}

TEST_CASE("SMBIOS table: broken structures end the walk without reading past the bytes") {
  const Bytes good = structure(3, {0, 0x83}, {});
  SECTION("empty, or shorter than a header") {
    CHECK(smbios_attributes(Bytes{}).empty());
    CHECK(smbios_attributes(Bytes{1, 4, 0}).empty());
  }
  SECTION("a length below the header's 4 bytes") {
    CHECK(smbios_attributes(concat({good, Bytes{1, 2, 0, 1, 0, 0}, structure(1, {1}, {"X"})})) ==
          Attributes{{"chassis_type", "3"}});
  }
  SECTION("a length past the end of the table") {
    CHECK(smbios_attributes(concat({good, Bytes{1, 0xFF, 0, 1, 1, 0, 0}})) ==
          Attributes{{"chassis_type", "3"}});
  }
  SECTION("strings without the double NUL") {
    Bytes table = structure(1, {1, 2}, {"Vendor", "Model"});
    table.pop_back();  // "Model\0" ends the data, the set's NUL is missing
    CHECK(smbios_attributes(table).empty());
    CHECK(smbios_attributes(Bytes{1, 6, 0, 1, 1, 2, 'V', 0, 'M'}).empty());
    CHECK(smbios_attributes(Bytes{1, 6, 0, 1, 1, 2}).empty());  // no string set at all
  }
  SECTION("a type 3 structure too short for the chassis byte") {
    CHECK(smbios_attributes(concat({structure(3, {1}, {"Acme"}), kEnd})).empty());
  }
}

TEST_CASE("SMBIOS table: every cut and every byte changed gives part of the map or less") {
  const Bytes table = fixture_bytes("qemu-q35-smbios3-laptop.bin");
  const Attributes whole = smbios_attributes(table);
  for (std::size_t size = 0; size <= table.size(); ++size) {
    // A cut table on the heap at its own size, so ASan sees a read past its end.
    const Bytes cut(table.begin(), table.begin() + static_cast<std::ptrdiff_t>(size));
    const Attributes part = smbios_attributes(cut);
    INFO("cut at " << size);
    CHECK(is_part_of(part, whole));
  }
  for (std::size_t i = 0; i < table.size(); ++i) {
    for (const std::uint8_t value : {0x00, 0x01, 0x04, 0x7F, 0xFF}) {
      Bytes changed = table;
      changed[i] = value;
      const Attributes attributes = smbios_attributes(changed);
      for (const auto& [key, text] : attributes) {
        INFO("byte " << i << " = " << int(value) << ": " << key);
        CHECK_FALSE(text.empty());
        CHECK(text.find('\0') == std::string::npos);
      }
    }
  }
}
