//! The built `copydesk` binary over bad input (issue 10): a JSON-lines file with broken lines,
//! wrong encodings, empty texts and wrong field types. Every good row is written, every bad row is
//! reported with its line number, the exit code is 1 and a summary counts them.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_copydesk"))
}

/// A fresh scratch directory for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("copydesk-cli-test-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn run(args: &[&str]) -> Output {
    bin().args(args).arg("--no-progress").stdin(Stdio::null()).output().unwrap()
}

fn stdout_rows(out: &Output) -> Vec<serde_json::Value> {
    String::from_utf8(out.stdout.clone())
        .expect("stdout is UTF-8")
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("output line is not JSON ({e}): {l}")))
        .collect()
}

/// Lines 1..=11 of a JSON-lines file mixing good and bad rows. Good: 1, 4, 6 (empty text), 9, 11.
/// Bad: 2 (broken JSON), 3 (invalid UTF-8), 5 (no text), 7 (text is a number), 8 (not an object),
/// 10 (truncated line). Blank lines are skipped silently.
fn mixed_jsonl() -> Vec<u8> {
    let mut f: Vec<u8> = Vec::new();
    f.extend_from_slice(b"{\"id\": \"a\", \"text\": \"Talks Stall\\n\\n\\\"No,\\\" Jane Doe said.\"}\n");
    f.extend_from_slice(b"{\"id\": \"broken\", \"text\": \"unterminated\n");
    f.extend_from_slice(b"{\"id\": \"latin1\", \"text\": \"caf\xe9\"}\n");
    f.extend_from_slice(b"{\"id\": \"b\", \"text\": \"Second article.\", \"published\": \"2019-01-02\"}\n");
    f.extend_from_slice(b"{\"id\": \"notext\"}\n");
    f.extend_from_slice(b"{\"id\": \"empty\", \"text\": \"\"}\n");
    f.extend_from_slice(b"{\"id\": \"number\", \"text\": 42}\n");
    f.extend_from_slice(b"[\"not\", \"an\", \"object\"]\n");
    f.extend_from_slice(b"{\"id\": 7, \"text\": \"Numeric id.\", \"published\": \"not a date\"}\n");
    f.extend_from_slice(b"{\"id\": \"cut\", \"te\n");
    f.extend_from_slice(b"\n   \n");
    f.extend_from_slice(b"{\"id\": \"last\", \"text\": \"No newline at the end of the file.\"}");
    f
}

#[test]
fn jsonl_with_bad_rows_writes_good_rows_and_reports_bad_ones() {
    let dir = scratch("mixed");
    let input = dir.join("in.jsonl");
    std::fs::write(&input, mixed_jsonl()).unwrap();
    let out = run(&[input.to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "exit code must say rows failed; stderr:\n{stderr}");
    let rows = stdout_rows(&out);
    let ids: Vec<String> =
        rows.iter().map(|r| r["id"].as_str().map(str::to_string).unwrap_or_else(|| r["id"].to_string())).collect();
    assert_eq!(ids, ["a", "b", "empty", "7", "last"], "every good row written, in order; stderr:\n{stderr}");
    for line in [2, 3, 5, 7, 8, 10] {
        assert!(stderr.contains(&format!("in.jsonl:{line}:")), "bad line {line} not reported:\n{stderr}");
    }
    for line in [1, 4, 6, 9, 11, 12, 13] {
        assert!(!stderr.contains(&format!("in.jsonl:{line}:")), "good line {line} reported as bad:\n{stderr}");
    }
    assert!(stderr.contains("5 articles written") && stderr.contains("6 failed"), "summary missing:\n{stderr}");
    // The good rows carry full results.
    assert_eq!(rows[0]["headline"], "Talks Stall");
    assert_eq!(rows[1]["published"], "2019-01-02");
    assert_eq!(rows[2]["blocks"].as_array().map(Vec::len), Some(0));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn output_file_gets_the_good_rows() {
    let dir = scratch("outfile");
    let input = dir.join("in.jsonl");
    let output = dir.join("out.jsonl");
    std::fs::write(&input, mixed_jsonl()).unwrap();
    let out = run(&[input.to_str().unwrap(), "-o", output.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    let written = std::fs::read_to_string(&output).unwrap();
    assert_eq!(written.lines().count(), 5);
    // Nothing but the input and the output is left in the directory (no temporary files).
    let mut names: Vec<String> =
        std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    assert_eq!(names, ["in.jsonl", "out.jsonl"]);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn text_files_with_wrong_encodings() {
    let dir = scratch("encodings");
    std::fs::write(dir.join("good.txt"), "Talks Stall\n\nThe minister spoke.").unwrap();
    std::fs::write(dir.join("latin1.txt"), b"Caf\xe9 society\n\nA story.").unwrap();
    std::fs::write(dir.join("empty.txt"), b"").unwrap();
    // UTF-16 LE with a BOM is decoded.
    let mut utf16 = vec![0xFF, 0xFE];
    for u in "Headline\n\nBody text.".encode_utf16() {
        utf16.extend_from_slice(&u.to_le_bytes());
    }
    std::fs::write(dir.join("utf16.txt"), utf16).unwrap();
    // UTF-8 with a BOM.
    std::fs::write(dir.join("bom.txt"), b"\xEF\xBB\xBFBOM Headline\n\nBody.").unwrap();
    let out = run(&[dir.to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    let rows = stdout_rows(&out);
    let ids: Vec<&str> = rows.iter().filter_map(|r| r["id"].as_str()).collect();
    assert_eq!(ids, ["bom", "empty", "good", "utf16"], "{stderr}");
    assert!(stderr.contains("latin1.txt"), "{stderr}");
    assert!(stderr.contains("4 articles written, 1 failed"), "{stderr}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn missing_input_and_bad_option() {
    let out = run(&["/nonexistent/copydesk/input.jsonl"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no such file"));
    let dir = scratch("badopt");
    let input = dir.join("in.jsonl");
    std::fs::write(&input, "{\"text\": \"x\"}\n").unwrap();
    let out = run(&[input.to_str().unwrap(), "--published", "yesterday"]);
    assert_eq!(out.status.code(), Some(2), "a bad option is a usage error");
    assert!(String::from_utf8_lossy(&out.stderr).contains("published"));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn stdin_jsonl_with_bad_rows() {
    let mut child = bin()
        .args(["-", "--no-progress"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    stdin.write_all(b"{\"text\": \"One.\"}\nnot json\n{\"text\": \"Two.\"}\n\xff\xfe\n").unwrap();
    drop(stdin);
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert_eq!(stdout_rows(&out).len(), 2);
    assert!(stderr.contains("<stdin>:2:") && stderr.contains("<stdin>:4:"), "{stderr}");
}

#[test]
fn many_rows_across_chunks_keep_order_and_count() {
    // More rows than one streaming chunk (512), with a bad row in each chunk.
    let dir = scratch("chunks");
    let input = dir.join("in.jsonl");
    let mut f = std::fs::File::create(&input).unwrap();
    let n = 1500;
    for i in 0..n {
        if i % 500 == 250 {
            writeln!(f, "{{broken").unwrap();
        } else {
            writeln!(f, "{{\"id\": \"r{i}\", \"text\": \"Row {i}\\n\\n\\\"Quote {i},\\\" he said.\"}}").unwrap();
        }
    }
    drop(f);
    let out = run(&[input.to_str().unwrap(), "-j", "2"]);
    assert_eq!(out.status.code(), Some(1));
    let rows = stdout_rows(&out);
    assert_eq!(rows.len(), n - 3);
    let expected: Vec<String> = (0..n).filter(|i| i % 500 != 250).map(|i| format!("r{i}")).collect();
    let got: Vec<&str> = rows.iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!(got, expected);
    std::fs::remove_dir_all(&dir).unwrap();
}

/// Output files are written atomically: a run killed half-way leaves either no output file or a
/// complete one, never a half-written one.
#[test]
fn killed_run_leaves_no_half_written_output() {
    let dir = scratch("atomic");
    let input = dir.join("in.jsonl");
    let output = dir.join("out.jsonl");
    write_big_jsonl(&input, 40_000);
    let mut child = bin()
        .args([input.to_str().unwrap(), "-o", output.to_str().unwrap(), "--no-progress", "-j", "1"])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // Wait until the run is under way (output created or some time passed), then kill it.
    for _ in 0..200 {
        if output.exists() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    std::thread::sleep(std::time::Duration::from_millis(300));
    let _ = child.kill();
    let _ = child.wait();
    assert!(!output.exists(), "a killed run left a partial output file");
    std::fs::remove_dir_all(&dir).unwrap();
}

fn write_big_jsonl(path: &Path, rows: usize) {
    let mut f = std::io::BufWriter::new(std::fs::File::create(path).unwrap());
    let text = include_str!("../../../examples/sputnik-nato-balkans.txt");
    let text = serde_json::to_string(text).unwrap();
    for i in 0..rows {
        writeln!(f, "{{\"id\": \"{i}\", \"text\": {text}}}").unwrap();
    }
}

/// A full disk is an error, not a silent truncation: writing to /dev/full (every write fails
/// with "no space left on device") ends the run with exit code 1 and says why.
#[cfg(target_os = "linux")]
#[test]
fn full_disk_is_reported() {
    use std::os::unix::fs::FileTypeExt;
    // (Some sandboxes leave /dev/full as a regular file, which takes every write.)
    if !std::fs::metadata("/dev/full").is_ok_and(|m| m.file_type().is_char_device()) {
        return;
    }
    let Ok(full) = std::fs::OpenOptions::new().write(true).open("/dev/full") else { return };
    let dir = scratch("full");
    let input = dir.join("in.jsonl");
    write_big_jsonl(&input, 500);
    let out = bin()
        .args([input.to_str().unwrap(), "--no-progress", "-j", "2"])
        .stdin(Stdio::null())
        .stdout(full)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "stderr: {err}");
    assert!(err.contains("cannot write output"), "stderr: {err}");
    std::fs::remove_dir_all(&dir).unwrap();
}

/// A reader that goes away (`copydesk ... | head`) stops the run: no error message, exit code 1
/// (not everything was written), and no hang.
#[test]
fn closed_pipe_stops_the_run_quietly() {
    let dir = scratch("pipe");
    let input = dir.join("in.jsonl");
    write_big_jsonl(&input, 2_000);
    let mut child = bin()
        .args([input.to_str().unwrap(), "--no-progress", "-j", "2"])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "stderr: {err}");
    assert!(!err.contains("error"), "stderr: {err}");
    std::fs::remove_dir_all(&dir).unwrap();
}
