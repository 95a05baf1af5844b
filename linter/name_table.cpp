#include "name_table.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "policylint/text.hpp"
#include "rule_params.hpp"

namespace policylint {

namespace {

const std::vector<std::string> kBodyKeys = {"name",        "short", "variants", "informal", "level",    "replaced-by",
                                            "since",       "note",  "source",   "confirmed"};
const std::vector<std::string> kNamesKeys = {"region", "places", "not-names"};
const std::vector<std::string> kLevelNames = {"national", "province", "prefecture", "county"};

class NameTableLoader {
 public:
  NameTableLoader(const std::string& path, SourceErrors& errors) : path_(path), errors_(errors) {}

  void read_names(const toml::node& node, NameTable& table) {
    const toml::table* names = node.as_table();
    if (!names) return error(&node, "[names] must be a table with region, places and not-names");
    for (const auto& [key, value] : *names) {
      const std::string k(key.str());
      if (k == "region") table.region = string(value, "region");
      else if (k == "places") table.places = strings(value, "places");
      else if (k == "not-names") table.not_names = strings(value, "not-names");
      else error(&value, fmt::format("unknown key '{}' in [names]{}", k, did_you_mean(k, kNamesKeys)));
    }
    if (!table.places.empty() && table.region.empty()) error(names, "[names] lists places but no region");
  }

  void read_bodies(const toml::node& node, NameTable& table) {
    const toml::array* bodies = node.as_array();
    if (!bodies || !bodies->is_array_of_tables()) return error(&node, "'bodies' must be an array of tables ([[bodies]])");
    for (const auto& item : *bodies) {
      if (auto body = read_body(*item.as_table())) table.bodies.push_back(std::move(*body));
    }
  }

 private:
  std::optional<Body> read_body(const toml::table& t) {
    const std::size_t before = errors_.size();
    Body body;
    for (const auto& [key, value] : t) {
      const std::string k(key.str());
      if (k == "name") body.name = name(value);
      else if (k == "short") body.short_name = name(value);
      else if (k == "variants") body.variants = names(value, k);
      else if (k == "informal") body.informal = names(value, k);
      else if (k == "level") body.level = string(value, k);
      else if (k == "replaced-by") body.replaced_by = string(value, k);
      else if (k == "since") body.since = date(value);
      else if (k == "note") body.note = string(value, k);
      else if (k == "source") body.source = string(value, k);
      else if (k == "confirmed") body.confirmed = value.value_or(true);
      else error(&value, fmt::format("unknown key '{}' in [[bodies]]{}", k, did_you_mean(k, kBodyKeys)));
    }
    if (body.name.empty()) error(&t, "each [[bodies]] entry needs a 'name'");
    if (body.source.empty()) error(&t, fmt::format("body '{}' needs a 'source': where the name was confirmed", body.name));
    if (std::find(kLevelNames.begin(), kLevelNames.end(), body.level) == kLevelNames.end())
      error(t.get("level") ? t.get("level") : &t,
            fmt::format("body '{}': 'level' must be national, province, prefecture or county", body.name));
    if (body.replaced_by.empty() != !body.since)
      error(&t, fmt::format("body '{}': 'replaced-by' and 'since' go together", body.name));
    if (body.short_name.empty()) body.short_name = body.name;
    if (errors_.size() != before) return std::nullopt;
    return body;
  }

  // Any level placeholder becomes {省}, the one the index expands.
  std::string name(const toml::node& node) {
    std::string s = string(node, "name");
    for (std::string_view other : {"{市}", "{州}", "{县}", "{区}"}) {
      if (const std::size_t at = s.find(other); at != std::string::npos) s.replace(at, other.size(), "{省}");
    }
    if (utf8::count_code_points(s) < 2) error(&node, fmt::format("name '{}' is too short", s));
    return s;
  }

  std::vector<std::string> names(const toml::node& node, std::string_view key) {
    std::vector<std::string> out;
    const toml::array* arr = node.as_array();
    if (!arr) {
      error(&node, fmt::format("'{}' must be an array of strings", key));
      return out;
    }
    for (const auto& item : *arr) out.push_back(name(item));
    return out;
  }

  std::optional<CivilDate> date(const toml::node& node) {
    if (auto d = node.value<toml::date>()) {
      const CivilDate c{d->year, d->month, d->day};
      if (is_valid(c)) return c;
    } else if (auto s = node.value<std::string>()) {
      if (auto c = parse_iso_date(*s)) return c;
    }
    error(&node, "'since' must be a date, YYYY-MM-DD");
    return std::nullopt;
  }

  std::string string(const toml::node& node, std::string_view key) {
    if (auto s = node.value<std::string>()) return *s;
    error(&node, fmt::format("'{}' must be a string", key));
    return {};
  }

  std::vector<std::string> strings(const toml::node& node, std::string_view key) {
    std::vector<std::string> out;
    const toml::array* arr = node.as_array();
    if (!arr) {
      error(&node, fmt::format("'{}' must be an array of strings", key));
      return out;
    }
    for (const auto& item : *arr) out.push_back(string(item, key));
    return out;
  }

  void error(const toml::node* at, std::string message) { errors_.push_back(error_at(path_, at, std::move(message))); }

  const std::string& path_;
  SourceErrors& errors_;
};

}  // namespace

bool is_name_section(std::string_view key) { return key == "names" || key == "bodies"; }

std::shared_ptr<const NameTable> load_name_table(const toml::table& root, const std::string& pack_name,
                                                 const std::string& path, SourceErrors& errors) {
  const toml::node* names = root.get("names");
  const toml::node* bodies = root.get("bodies");
  if (!names && !bodies) return nullptr;
  auto table = std::make_shared<NameTable>();
  table->pack = pack_name;
  NameTableLoader loader(path, errors);
  if (names) loader.read_names(*names, *table);
  if (bodies) loader.read_bodies(*bodies, *table);
  return table;
}

}  // namespace policylint
