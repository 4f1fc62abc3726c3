/*
 * thai_breaks.exe ARGS.txt: ask the real Windows Qt6Core.dll where it may break a line of Thai, as
 * the editor's text layout does. ARGS.txt (UTF-8, so Thai folder names survive wine's command line)
 * holds one path a line: the folder of Qt6Core.dll, the output file, and optionally a thai.dll.
 * The output is the line with "|" at each break (UTF-8), then the number of breaks. The thai.dll
 * is loaded by full path first, as ITA Desktop does, so Qt's own QLibrary("thai") finds it.
 * Run under wine64 by scripts/windows-check.sh.
 *
 * It calls QUnicodeTools::initCharAttributes (exported by Qt6Core, used by QTextLayout) with
 * one script item: the whole line is Thai.
 */
#include <windows.h>
#include <stdio.h>
#include <stdint.h>
#include <string.h>

typedef struct { int64_t size; const wchar_t *data; } QStringView;   /* Qt 6 layout */
typedef struct { int64_t position; int32_t script; } ScriptItem;
typedef void (*InitCharAttributes)(QStringView, const ScriptItem *, int64_t, unsigned char *, int32_t);

#define SCRIPT_THAI 21          /* QChar::Script_Thai */
#define ALL_BREAKS  0x0f        /* grapheme, word, sentence and line breaks */
#define LINE_BREAK  (1u << 3)   /* QCharAttributes::lineBreak */
#define SYMBOL "?initCharAttributes@QUnicodeTools@@YAXVQStringView@@PEBUScriptItem@1@_JPEAUQCharAttributes@@" \
               "V?$QFlags@W4CharAttributeOption@QUnicodeTools@@@@@Z"

static const wchar_t LINE[] = L"\x0e01\x0e32\x0e23\x0e14\x0e33\x0e40\x0e19\x0e34\x0e19\x0e07\x0e32\x0e19"
    L"\x0e15\x0e32\x0e21\x0e2d\x0e33\x0e19\x0e32\x0e08\x0e2b\x0e19\x0e49\x0e32\x0e17\x0e35\x0e48"
    L"\x0e02\x0e2d\x0e07\x0e2d\x0e07\x0e04\x0e4c\x0e01\x0e32\x0e23\x0e1a\x0e23\x0e34\x0e2b\x0e32\x0e23"
    L"\x0e2a\x0e48\x0e27\x0e19\x0e08\x0e31\x0e07\x0e2b\x0e27\x0e31\x0e14";

static int read_paths(const wchar_t *file, wchar_t paths[3][MAX_PATH * 2])
{
    char line[MAX_PATH * 6];
    int count = 0;
    FILE *in = _wfopen(file, L"rb");
    if (!in)
        return 0;
    while (count < 3 && fgets(line, sizeof line, in)) {
        line[strcspn(line, "\r\n")] = 0;
        if (!line[0])
            continue;
        if (!MultiByteToWideChar(CP_UTF8, 0, line, -1, paths[count], MAX_PATH * 2))
            break;
        count++;
    }
    fclose(in);
    return count;
}

int wmain(int argc, wchar_t **argv)
{
    wchar_t paths[3][MAX_PATH * 2];
    wchar_t core[MAX_PATH * 2];
    HMODULE qt;
    InitCharAttributes init;
    unsigned char attributes[sizeof LINE / sizeof LINE[0]];
    int64_t length = (int64_t)(sizeof LINE / sizeof LINE[0]) - 1, i;
    ScriptItem item = {0, SCRIPT_THAI};
    QStringView view;
    FILE *out;
    int breaks = 0, count;

    count = argc == 2 ? read_paths(argv[1], paths) : 0;
    if (count < 2) {
        fwprintf(stderr, L"usage: thai_breaks ARGS.txt (Qt folder, output file, [thai.dll], one a line)\n");
        return 2;
    }
    if (count > 2 && !LoadLibraryW(paths[2])) {
        fwprintf(stderr, L"cannot load thai.dll (error %lu)\n", GetLastError());
        return 3;
    }
    _snwprintf(core, MAX_PATH * 2, L"%ls\\Qt6Core.dll", paths[0]);
    qt = LoadLibraryExW(core, NULL, LOAD_WITH_ALTERED_SEARCH_PATH);
    if (!qt) {
        fwprintf(stderr, L"cannot load Qt6Core.dll (error %lu)\n", GetLastError());
        return 4;
    }
    init = (InitCharAttributes)(void *)GetProcAddress(qt, SYMBOL);
    if (!init) {
        fwprintf(stderr, L"Qt6Core.dll does not export QUnicodeTools::initCharAttributes\n");
        return 5;
    }
    view.size = length;
    view.data = LINE;
    memset(attributes, 0, sizeof attributes);
    init(view, &item, 1, attributes, ALL_BREAKS);

    out = _wfopen(paths[1], L"wb");
    if (!out)
        return 6;
    for (i = 0; i < length; i++) {
        char utf8[8];
        int n;
        if (i > 0 && (attributes[i] & LINE_BREAK)) {
            fputc('|', out);
            breaks++;
        }
        n = WideCharToMultiByte(CP_UTF8, 0, &LINE[i], 1, utf8, sizeof utf8, NULL, NULL);
        fwrite(utf8, 1, n, out);
    }
    fprintf(out, "\n%d\n", breaks);
    fclose(out);
    return 0;
}
