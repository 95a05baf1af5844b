// --fix over copies of the real seed documents: half-width punctuation between Chinese characters
// becomes full-width, and nothing that only looks like it (dates, decimals, phone numbers, e-mail,
// document numbers) is touched. A second run changes nothing.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <map>

#include "support.hpp"

namespace fs = std::filesystem;
using policylint::testing::read_file;
using policylint::testing::run_cli;

TEST_CASE("fixing the seed corpus repairs punctuation and leaves look-alikes alone", "[cli][seed]") {
  const fs::path seed = fs::path(POLICYLINT_SOURCE_DIR) / "fixtures/seed";
  const fs::path dir = fs::temp_directory_path() / ("policylint-seed-fix-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  fs::copy(seed, dir, fs::copy_options::recursive);
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().extension() != ".txt") fs::remove(entry.path());
  }
  std::string out;
  CHECK(run_cli("--no-config -q --exit-zero --fix " + dir.string(), out) == 0);

  const std::string miit = read_file((dir / "miit-2022-smart-eldercare-catalogue.txt").string());
  CHECK(miit.find("发布日期 2022-11-29") != std::string::npos);
  CHECK(miit.find("010-68208261") != std::string::npos);
  CHECK(miit.find("zhaohl@cesi.cn") != std::string::npos);
  CHECK(miit.find("工信厅联电子函〔2022〕303号") != std::string::npos);
  CHECK(miit.find("各省、自治区、直辖市及计划单列市") != std::string::npos);
  CHECK(miit.find("生产经营活动的独立法人单位，注册时间") != std::string::npos);
  CHECK(miit.find("民政厅（局）、卫生健康委，有关") != std::string::npos);
  const std::string weishan = read_file((dir / "weishan-2022-science-literacy.txt").string());
  CHECK(weishan.find("7.2%") != std::string::npos);
  CHECK(weishan.find("3.29%") != std::string::npos);
  CHECK(weishan.find("（2021—2025年）") != std::string::npos);
  CHECK(weishan.find("18—69岁") != std::string::npos);
  const std::string yunnan = read_file((dir / "yunnan-2023-economy-measures.txt").string());
  CHECK(yunnan.find("省级财政安排1.5亿元") != std::string::npos);
  CHECK(yunnan.find("开局之年，做好经济工作") != std::string::npos);

  std::map<std::string, std::string> after_first;
  for (const auto& entry : fs::directory_iterator(dir)) after_first[entry.path().string()] = read_file(entry.path().string());
  CHECK(run_cli("--no-config -q --exit-zero --fix " + dir.string(), out) == 0);
  for (const auto& [path, text] : after_first) {
    INFO(path);
    CHECK(read_file(path) == text);
  }
  fs::remove_all(dir);
}
