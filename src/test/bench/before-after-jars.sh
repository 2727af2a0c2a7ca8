# Sourced by the A/B benchmarks: builds the product as checked out into $work/after.jar and at the commit $before
# (in a worktree, removed again) into $work/before.jar. Expects $root, $work and $before to be set.
mvn -o -q -B package -DskipTests
cp "$(ls "$root"/target/trygg-samverkan-*.jar | grep -v plain | head -1)" "$work/after.jar"
git worktree add -q "$work/src" "$before"
(cd "$work/src" && mvn -o -q -B package -DskipTests)
cp "$(ls "$work"/src/target/trygg-samverkan-*.jar | grep -v plain | head -1)" "$work/before.jar"
git worktree remove --force "$work/src"
