// --fix on real seed documents repairs half-width punctuation and leaves numbers, times, phone
// numbers, ISO dates, URLs and document numbers as they were; a second run changes nothing.
#include <catch2/catch.hpp>

#include <fmt/format.h>
#include <unistd.h>

#include <filesystem>

#include "support.hpp"

using namespace policylint;
namespace fs = std::filesystem;

namespace {

const char* const kSelect = "--select numbers --select punctuation --select wording";

fs::path copy_seed(const std::string& name) {
  const fs::path dir = fs::temp_directory_path() / fs::path("policylint-text-fix-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const fs::path target = dir / name;
  fs::copy_file(fs::path(POLICYLINT_SOURCE_DIR) / "../shared/corpus/seed" / name, target,
                fs::copy_options::overwrite_existing);
  return target;
}

}  // namespace

TEST_CASE("fixing repairs seed punctuation without touching numbers, and is idempotent", "[cli][fix]") {
  for (const std::string name : {"miit-2022-smart-eldercare-catalogue.txt", "weishan-2022-science-literacy.txt"}) {
    INFO(name);
    const fs::path file = copy_seed(name);
    std::string out;
    testing::run_cli(fmt::format("--no-config {} --fix -q -- '{}'", kSelect, file.string()), out);
    const std::string once = testing::read_file(file.string());
    testing::run_cli(fmt::format("--no-config {} --fix -q -- '{}'", kSelect, file.string()), out);
    CHECK(testing::read_file(file.string()) == once);
    fs::remove_all(file.parent_path());
    if (name.starts_with("miit")) {
      CHECK(once.find("2022-11-29") != std::string::npos);
      CHECK(once.find("工信厅联电子函〔2022〕303号") != std::string::npos);
      CHECK(once.find("民政厅（局）、卫生健康委，有关") != std::string::npos);
      CHECK(once.find("010-68208261") != std::string::npos);
      CHECK(once.find("zhaohl@cesi.cn") != std::string::npos);
    } else {
      CHECK(once.find("7.2%") != std::string::npos);
      CHECK(once.find("3.29%") != std::string::npos);
      CHECK(once.find("（2021—2025年）") != std::string::npos);
      CHECK(once.find("18—69岁") != std::string::npos);
    }
  }
}
