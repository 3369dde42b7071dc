//! Finding the workspace, with every input passed in.

use super::*;

#[test]
fn the_workspace_is_found_as_git_finds_a_repository() {
    let tmp = tempfile::tempdir().unwrap();
    let office = tmp.path().join("office");
    let deep = office.join("cases/2026");
    std::fs::create_dir_all(&deep).unwrap();
    std::fs::write(office.join(SETTINGS_FILE), "preset: tourism\n").unwrap();
    let elsewhere = tmp.path().join("elsewhere");
    std::fs::create_dir_all(&elsewhere).unwrap();
    let (flag, env, default) = (
        tmp.path().join("flag"),
        tmp.path().join("env"),
        tmp.path().join("default"),
    );
    let found = |p: &Path| Location::Found(p.to_path_buf());
    let table = [
        (
            "the flag first",
            Some(&flag),
            Some(&env),
            &deep,
            found(&flag),
        ),
        ("then the environment", None, Some(&env), &deep, found(&env)),
        ("then a parent folder", None, None, &deep, found(&office)),
        ("the folder itself", None, None, &office, found(&office)),
        (
            "else the default",
            None,
            None,
            &elsewhere,
            Location::Default(default.clone()),
        ),
    ];
    for (name, flag, env, cwd, want) in table {
        let got = locate(
            flag.map(PathBuf::as_path),
            env.map(PathBuf::as_path),
            cwd,
            &default,
        );
        assert_eq!(got, want, "{name}");
    }
}
