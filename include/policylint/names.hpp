#pragma once
// Agency names. A data pack lists bodies in [[bodies]]; every pack in force for a file is merged
// into one NameIndex, which finds names leftmost-longest on the folded text. Regional packs
// ([names] region = "云南省") count only where the document's region is theirs.
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "policylint/date.hpp"
#include "policylint/diagnostic.hpp"

namespace policylint {

class Document;
struct Pack;

// One body. In every name, a level placeholder ({省} {市} {州} {县} {区}) stands for any of
// 省 自治区 市 州 盟 县 区, so "{省}发展改革委" also covers 市发展改革委 and 县发展改革委.
struct Body {
  std::string name;        // full name
  std::string short_name;  // 规范简称; the full name when the body has none
  std::vector<std::string> variants;  // also correct, but one document should keep to one form
  std::vector<std::string> informal;  // forms to replace by the short name
  std::string level;                  // national | province | prefecture | county
  std::string replaced_by;            // the successor's name, when the body was renamed
  std::optional<CivilDate> since;     // from when the old name is outdated
  std::string note;
  std::string source;
  bool confirmed = true;  // false: not confirmed from a primary source; reported at info level
};

struct NameTable {
  std::string pack;
  std::string region;                  // empty: in force everywhere
  std::vector<std::string> places;     // names that place a document's title in the region
  std::vector<Body> bodies;
  std::vector<std::string> not_names;  // words that contain a name but are none (工信部门)
};

enum class FormKind { Full, Short, Variant, Informal, NotName };

struct NameForm {
  const NameTable* table = nullptr;
  const Body* body = nullptr;  // null for NotName
  FormKind kind = FormKind::NotName;
  std::string level;   // what stands in for the placeholder: "市", or "" when nothing does
  std::string text;    // folded
  std::string generic; // the form as written in the pack, placeholder kept: "{省}发改委"
  bool expanded = false;  // produced by a placeholder rather than written out
};

struct NameMatch {
  Span span;  // in the original text
  const NameForm* form = nullptr;
};

class NameIndex {
 public:
  explicit NameIndex(std::vector<std::shared_ptr<const NameTable>> tables);

  // The region whose places alone appear in the title block; empty when none or several do.
  std::string region_of(const Document& doc) const;
  bool is_active(const NameTable& table, std::string_view region) const;
  bool any_regional_active(std::string_view region) const;
  // Every name of an active table, leftmost-longest, outside 《titles》 and document numbers.
  std::vector<NameMatch> scan(const Document& doc, std::string_view region) const;
  // The longest active form starting at `pos` of `folded` and ending by `limit`, or null.
  const NameForm* match_at(std::string_view folded, std::size_t pos, std::string_view region,
                           std::size_t limit = std::string_view::npos) const;
  std::size_t size() const { return forms_.size(); }

 private:
  void add_forms(const NameTable& table, const Body* body, FormKind kind, const std::string& generic);
  void add(NameForm form);

  bool may_start(char32_t cp) const { return cp < starts_.size() && starts_[cp]; }

  std::vector<std::shared_ptr<const NameTable>> tables_;
  std::vector<NameForm> forms_;
  std::vector<bool> starts_;  // by code point: does any form start with it?
  std::unordered_map<std::uint64_t, std::vector<std::uint32_t>> by_start_;  // first two code points → forms
};

// The names of one document, found on first use and shared by every rule that asks.
class DocumentNames {
 public:
  DocumentNames(const NameIndex& index, const Document& doc, std::string region)
      : index_(index), doc_(doc), region_(std::move(region)) {}
  const NameIndex& index() const { return index_; }
  const std::string& region() const { return region_; }
  const std::vector<NameMatch>& matches() const;

 private:
  const NameIndex& index_;
  const Document& doc_;
  std::string region_;
  mutable std::once_flag scanned_;
  mutable std::vector<NameMatch> matches_;
};

// The level written in place of the placeholder, then the rest: "{省}发展改革委" at "市" → 市发展改革委.
std::string at_level(std::string_view generic, std::string_view level);
// The canonical short name for what `form` found.
std::string canonical_name(const NameForm& form);

// Merges the name tables of `packs`; null when none has any.
std::shared_ptr<const NameIndex> build_name_index(const std::vector<const Pack*>& packs);

}  // namespace policylint
