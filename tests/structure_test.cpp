// kind = "structure": heading sequence and levels, attachments, notice elements, title genre.
#include <catch2/catch.hpp>

#include <algorithm>

#include "support.hpp"

using namespace policylint;
using testing::lint_text;

namespace {

std::vector<std::string> messages(const std::vector<Diagnostic>& diagnostics) {
  std::vector<std::string> out;
  for (const auto& d : diagnostics) out.push_back(d.message);
  return out;
}

}  // namespace

TEST_CASE("heading-sequence parses ordinals beyond 十", "[structure]") {
  std::string text;
  for (int i = 1; i <= 25; ++i) text += chinese_numeral(i == 23 ? 24 : i) + "、标题\n\n";
  const auto d = lint_text(text, {"structure/heading-sequence"});
  CHECK(messages(d) == std::vector<std::string>{"标题序号“二十四、”不连续，此处应为“二十三、”"});
}

TEST_CASE("heading-sequence reports a repeat or a skip once", "[structure]") {
  CHECK(messages(lint_text("一、甲\n\n二、乙\n\n二、丙\n\n四、丁\n", {"structure/heading-sequence"})) ==
        std::vector<std::string>{"标题序号“二、”不连续，此处应为“三、”"});
  CHECK(messages(lint_text("一、甲\n\n二、乙\n\n四、丙\n\n五、丁\n", {"structure/heading-sequence"})) ==
        std::vector<std::string>{"标题序号“四、”不连续，此处应为“三、”"});
}

TEST_CASE("heading-sequence follows the document's style: continuous or restarting", "[structure]") {
  const std::string continuous = "一、甲\n\n（一）子\n\n（二）子\n\n二、乙\n\n（三）子\n\n（四）子\n\n三、丙\n\n（五）子\n";
  CHECK(lint_text(continuous, {"structure/heading-sequence"}).empty());
  const std::string restarting = "一、甲\n\n（一）子\n\n（二）子\n\n二、乙\n\n（一）子\n\n（二）子\n\n三、丙\n\n（一）子\n";
  CHECK(lint_text(restarting, {"structure/heading-sequence"}).empty());
  const std::string broken = "一、甲\n\n（一）子\n\n（二）子\n\n二、乙\n\n（一）子\n\n（三）子\n";
  CHECK(messages(lint_text(broken, {"structure/heading-sequence"})) ==
        std::vector<std::string>{"标题序号“（三）”不连续，此处应为“（二）”"});
}

TEST_CASE("heading-sequence numbers each attachment and each document of a file afresh", "[structure]") {
  const std::string text =
      "正文。\n\n一、甲\n\n二、乙\n\n附件：1.名单\n\n附件1\n\n名单\n\n一、组成人员\n\n二、职责\n";
  CHECK(lint_text(text, {"structure/heading-sequence"}).empty());
}

TEST_CASE("articles run on across chapters", "[structure]") {
  const std::string text = "第一章 总则\n\n第一条 目的。\n\n第二条 范围。\n\n第二章 附则\n\n第三条 施行。\n";
  CHECK(lint_text(text, {"structure/heading-sequence", "structure/heading-level-order"}).empty());
}

TEST_CASE("heading-level-order reports a skipped level once per parent", "[structure]") {
  const auto d = lint_text("一、甲\n\n（1）子\n\n（2）子\n", {"structure/heading-level-order"});
  CHECK(messages(d) == std::vector<std::string>{"“（1）”直接用在“一、”之下，跳过了“（一）”这一层级"});
  CHECK(d[0].severity == Severity::Info);
}

TEST_CASE("attachments: missing, unlisted, mismatched and all absent", "[structure]") {
  const std::string note = "正文。\n\n附件：1.指标表\n2.项目表\n\n";
  CHECK(messages(lint_text(note + "附件1\n\n指标表\n", {"structure"})) ==
        std::vector<std::string>{"附件说明列出的附件2“项目表”没有对应的附件页"});
  CHECK(messages(lint_text(note, {"structure"})) ==
        std::vector<std::string>{"附件说明列出了附件1“指标表”、附件2“项目表”，但文中没有任何附件页，附件可能在转换或转载时丢失"});
  auto found = messages(lint_text(note + "附件1\n\n指标表\n\n附件2\n\n项目清单\n\n附件3\n\n资金表\n", {"structure"}));
  std::sort(found.begin(), found.end());
  CHECK(found == std::vector<std::string>{"附件2的标题“项目清单”与附件说明中的“项目表”不一致",
                                          "附件页“附件3”（资金表）未在附件说明中列出"});
}

TEST_CASE("notice-elements and title-genre look only at a 关于… title", "[structure]") {
  CHECK(lint_text("XX县2024年工作要点\n\n一、总体要求\n\n正文。\n", {"structure/notice-elements", "structure/title-genre"})
            .empty());
  CHECK(messages(lint_text("XX县人民政府关于做好防汛工作的通知\n\n请做好防汛工作。\n", {"structure/notice-elements"})) ==
        std::vector<std::string>{"通知缺少主送机关、发文机关署名和成文日期"});
}

TEST_CASE("title-genre looks past a trailing （试行） or （征求意见稿）", "[structure]") {
  CHECK(lint_text("县人民政府关于加强管理的意见（试行）\n\n各乡镇：\n\n正文。\n", {"structure/title-genre"}).empty());
  CHECK(lint_text("县人民政府关于做好防汛工作的通知\n（征求意见稿）\n\n各乡镇：\n\n正文。\n\n县人民政府\n2024年5月20日\n",
                  {"structure/title-genre", "structure/notice-elements"})
            .empty());
}

TEST_CASE("items may run on across （一）（二） and restart under each 一、", "[structure]") {
  const std::string text = "一、甲\n\n（一）子\n\n1.项\n\n2.项\n\n（二）子\n\n3.项\n\n4.项\n\n二、乙\n\n（一）子\n\n1.项\n\n2.项\n";
  CHECK(lint_text(text, {"structure/heading-sequence"}).empty());
}
