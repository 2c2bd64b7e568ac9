/*
 * Wine 8 has no bcryptprimitives.dll, and Rust's standard library on
 * Windows asks it for ProcessPrng (the randomness behind HashMap and
 * tempfile). This stand-in, for CI under Wine only, answers from
 * RtlGenRandom (SystemFunction036 in advapi32), which Wine does have.
 * Windows itself ships the real DLL; nothing here is in a release.
 */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
    /* RtlGenRandom takes a ULONG: fill large requests in pieces. */
    while (length > 0) {
        ULONG part = length > 0x10000000 ? 0x10000000 : (ULONG)length;
        if (!SystemFunction036(data, part))
            return FALSE;
        data += part;
        length -= part;
    }
    return TRUE;
}
