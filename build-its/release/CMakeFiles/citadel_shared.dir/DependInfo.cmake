
# Consider dependencies only in project.
set(CMAKE_DEPENDS_IN_PROJECT_ONLY OFF)

# The set of languages for which implicit dependencies are needed:
set(CMAKE_DEPENDS_LANGUAGES
  )

# The set of dependency files which are needed:
set(CMAKE_DEPENDS_DEPENDENCY_FILES
  "/work/main/src/crypto/aead.c" "CMakeFiles/citadel_shared.dir/src/crypto/aead.c.o" "gcc" "CMakeFiles/citadel_shared.dir/src/crypto/aead.c.o.d"
  "/work/main/src/crypto/attributes.c" "CMakeFiles/citadel_shared.dir/src/crypto/attributes.c.o" "gcc" "CMakeFiles/citadel_shared.dir/src/crypto/attributes.c.o.d"
  "/work/main/src/crypto/dispatch.c" "CMakeFiles/citadel_shared.dir/src/crypto/dispatch.c.o" "gcc" "CMakeFiles/citadel_shared.dir/src/crypto/dispatch.c.o.d"
  "/work/main/src/crypto/hash.c" "CMakeFiles/citadel_shared.dir/src/crypto/hash.c.o" "gcc" "CMakeFiles/citadel_shared.dir/src/crypto/hash.c.o.d"
  "/work/main/src/crypto/init.c" "CMakeFiles/citadel_shared.dir/src/crypto/init.c.o" "gcc" "CMakeFiles/citadel_shared.dir/src/crypto/init.c.o.d"
  "/work/main/src/crypto/kdf.c" "CMakeFiles/citadel_shared.dir/src/crypto/kdf.c.o" "gcc" "CMakeFiles/citadel_shared.dir/src/crypto/kdf.c.o.d"
  "/work/main/src/crypto/keys.c" "CMakeFiles/citadel_shared.dir/src/crypto/keys.c.o" "gcc" "CMakeFiles/citadel_shared.dir/src/crypto/keys.c.o.d"
  "/work/main/src/crypto/mac.c" "CMakeFiles/citadel_shared.dir/src/crypto/mac.c.o" "gcc" "CMakeFiles/citadel_shared.dir/src/crypto/mac.c.o.d"
  "/work/main/src/crypto/not_supported.c" "CMakeFiles/citadel_shared.dir/src/crypto/not_supported.c.o" "gcc" "CMakeFiles/citadel_shared.dir/src/crypto/not_supported.c.o.d"
  "/work/main/src/crypto/persist.c" "CMakeFiles/citadel_shared.dir/src/crypto/persist.c.o" "gcc" "CMakeFiles/citadel_shared.dir/src/crypto/persist.c.o.d"
  "/work/main/src/crypto/policy.c" "CMakeFiles/citadel_shared.dir/src/crypto/policy.c.o" "gcc" "CMakeFiles/citadel_shared.dir/src/crypto/policy.c.o.d"
  "/work/main/src/crypto/random.c" "CMakeFiles/citadel_shared.dir/src/crypto/random.c.o" "gcc" "CMakeFiles/citadel_shared.dir/src/crypto/random.c.o.d"
  "/work/main/src/crypto/report.c" "CMakeFiles/citadel_shared.dir/src/crypto/report.c.o" "gcc" "CMakeFiles/citadel_shared.dir/src/crypto/report.c.o.d"
  "/work/main/src/crypto/slots.c" "CMakeFiles/citadel_shared.dir/src/crypto/slots.c.o" "gcc" "CMakeFiles/citadel_shared.dir/src/crypto/slots.c.o.d"
  "/work/main/src/crypto/xof.c" "CMakeFiles/citadel_shared.dir/src/crypto/xof.c.o" "gcc" "CMakeFiles/citadel_shared.dir/src/crypto/xof.c.o.d"
  "/work/main/src/drivers/builtin/aes_ct.c" "CMakeFiles/citadel_shared.dir/src/drivers/builtin/aes_ct.c.o" "gcc" "CMakeFiles/citadel_shared.dir/src/drivers/builtin/aes_ct.c.o.d"
  "/work/main/src/drivers/builtin/builtin_aead.c" "CMakeFiles/citadel_shared.dir/src/drivers/builtin/builtin_aead.c.o" "gcc" "CMakeFiles/citadel_shared.dir/src/drivers/builtin/builtin_aead.c.o.d"
  "/work/main/src/drivers/builtin/builtin_hash.c" "CMakeFiles/citadel_shared.dir/src/drivers/builtin/builtin_hash.c.o" "gcc" "CMakeFiles/citadel_shared.dir/src/drivers/builtin/builtin_hash.c.o.d"
  "/work/main/src/drivers/builtin/builtin_kdf.c" "CMakeFiles/citadel_shared.dir/src/drivers/builtin/builtin_kdf.c.o" "gcc" "CMakeFiles/citadel_shared.dir/src/drivers/builtin/builtin_kdf.c.o.d"
  "/work/main/src/drivers/builtin/builtin_mac.c" "CMakeFiles/citadel_shared.dir/src/drivers/builtin/builtin_mac.c.o" "gcc" "CMakeFiles/citadel_shared.dir/src/drivers/builtin/builtin_mac.c.o.d"
  "/work/main/src/drivers/builtin/builtin_random.c" "CMakeFiles/citadel_shared.dir/src/drivers/builtin/builtin_random.c.o" "gcc" "CMakeFiles/citadel_shared.dir/src/drivers/builtin/builtin_random.c.o.d"
  "/work/main/src/drivers/builtin/cbc_mac.c" "CMakeFiles/citadel_shared.dir/src/drivers/builtin/cbc_mac.c.o" "gcc" "CMakeFiles/citadel_shared.dir/src/drivers/builtin/cbc_mac.c.o.d"
  "/work/main/src/drivers/builtin/cmac.c" "CMakeFiles/citadel_shared.dir/src/drivers/builtin/cmac.c.o" "gcc" "CMakeFiles/citadel_shared.dir/src/drivers/builtin/cmac.c.o.d"
  "/work/main/src/drivers/builtin/ctr_drbg.c" "CMakeFiles/citadel_shared.dir/src/drivers/builtin/ctr_drbg.c.o" "gcc" "CMakeFiles/citadel_shared.dir/src/drivers/builtin/ctr_drbg.c.o.d"
  "/work/main/src/drivers/builtin/gcm.c" "CMakeFiles/citadel_shared.dir/src/drivers/builtin/gcm.c.o" "gcc" "CMakeFiles/citadel_shared.dir/src/drivers/builtin/gcm.c.o.d"
  "/work/main/src/drivers/builtin/hkdf.c" "CMakeFiles/citadel_shared.dir/src/drivers/builtin/hkdf.c.o" "gcc" "CMakeFiles/citadel_shared.dir/src/drivers/builtin/hkdf.c.o.d"
  "/work/main/src/drivers/builtin/hmac.c" "CMakeFiles/citadel_shared.dir/src/drivers/builtin/hmac.c.o" "gcc" "CMakeFiles/citadel_shared.dir/src/drivers/builtin/hmac.c.o.d"
  "/work/main/src/drivers/builtin/md5.c" "CMakeFiles/citadel_shared.dir/src/drivers/builtin/md5.c.o" "gcc" "CMakeFiles/citadel_shared.dir/src/drivers/builtin/md5.c.o.d"
  "/work/main/src/drivers/builtin/ripemd160.c" "CMakeFiles/citadel_shared.dir/src/drivers/builtin/ripemd160.c.o" "gcc" "CMakeFiles/citadel_shared.dir/src/drivers/builtin/ripemd160.c.o.d"
  "/work/main/src/drivers/builtin/sha1.c" "CMakeFiles/citadel_shared.dir/src/drivers/builtin/sha1.c.o" "gcc" "CMakeFiles/citadel_shared.dir/src/drivers/builtin/sha1.c.o.d"
  "/work/main/src/drivers/builtin/sha256.c" "CMakeFiles/citadel_shared.dir/src/drivers/builtin/sha256.c.o" "gcc" "CMakeFiles/citadel_shared.dir/src/drivers/builtin/sha256.c.o.d"
  "/work/main/src/drivers/builtin/sha3.c" "CMakeFiles/citadel_shared.dir/src/drivers/builtin/sha3.c.o" "gcc" "CMakeFiles/citadel_shared.dir/src/drivers/builtin/sha3.c.o.d"
  "/work/main/src/drivers/builtin/sha512.c" "CMakeFiles/citadel_shared.dir/src/drivers/builtin/sha512.c.o" "gcc" "CMakeFiles/citadel_shared.dir/src/drivers/builtin/sha512.c.o.d"
  "/work/main/src/drivers/x86/aes_ni.c" "CMakeFiles/citadel_shared.dir/src/drivers/x86/aes_ni.c.o" "gcc" "CMakeFiles/citadel_shared.dir/src/drivers/x86/aes_ni.c.o.d"
  "/work/main/src/drivers/x86/cpu.c" "CMakeFiles/citadel_shared.dir/src/drivers/x86/cpu.c.o" "gcc" "CMakeFiles/citadel_shared.dir/src/drivers/x86/cpu.c.o.d"
  "/work/main/src/drivers/x86/ghash_clmul.c" "CMakeFiles/citadel_shared.dir/src/drivers/x86/ghash_clmul.c.o" "gcc" "CMakeFiles/citadel_shared.dir/src/drivers/x86/ghash_clmul.c.o.d"
  "/work/main/src/drivers/x86/sha512_avx2.c" "CMakeFiles/citadel_shared.dir/src/drivers/x86/sha512_avx2.c.o" "gcc" "CMakeFiles/citadel_shared.dir/src/drivers/x86/sha512_avx2.c.o.d"
  "/work/main/src/drivers/x86/sha_ni.c" "CMakeFiles/citadel_shared.dir/src/drivers/x86/sha_ni.c.o" "gcc" "CMakeFiles/citadel_shared.dir/src/drivers/x86/sha_ni.c.o.d"
  "/work/main/src/drivers/x86/x86_driver.c" "CMakeFiles/citadel_shared.dir/src/drivers/x86/x86_driver.c.o" "gcc" "CMakeFiles/citadel_shared.dir/src/drivers/x86/x86_driver.c.o.d"
  "/work/main/src/platform/linux/entropy.c" "CMakeFiles/citadel_shared.dir/src/platform/linux/entropy.c.o" "gcc" "CMakeFiles/citadel_shared.dir/src/platform/linux/entropy.c.o.d"
  "/work/main/src/platform/linux/huk.c" "CMakeFiles/citadel_shared.dir/src/platform/linux/huk.c.o" "gcc" "CMakeFiles/citadel_shared.dir/src/platform/linux/huk.c.o.d"
  "/work/main/src/platform/linux/lock.c" "CMakeFiles/citadel_shared.dir/src/platform/linux/lock.c.o" "gcc" "CMakeFiles/citadel_shared.dir/src/platform/linux/lock.c.o.d"
  "/work/main/src/platform/linux/nor_emu.c" "CMakeFiles/citadel_shared.dir/src/platform/linux/nor_emu.c.o" "gcc" "CMakeFiles/citadel_shared.dir/src/platform/linux/nor_emu.c.o.d"
  "/work/main/src/platform/linux/ps_lock.c" "CMakeFiles/citadel_shared.dir/src/platform/linux/ps_lock.c.o" "gcc" "CMakeFiles/citadel_shared.dir/src/platform/linux/ps_lock.c.o.d"
  "/work/main/src/platform/linux/storage_dir.c" "CMakeFiles/citadel_shared.dir/src/platform/linux/storage_dir.c.o" "gcc" "CMakeFiles/citadel_shared.dir/src/platform/linux/storage_dir.c.o.d"
  "/work/main/src/platform/linux/store_file.c" "CMakeFiles/citadel_shared.dir/src/platform/linux/store_file.c.o" "gcc" "CMakeFiles/citadel_shared.dir/src/platform/linux/store_file.c.o.d"
  "/work/main/src/storage/crc32.c" "CMakeFiles/citadel_shared.dir/src/storage/crc32.c.o" "gcc" "CMakeFiles/citadel_shared.dir/src/storage/crc32.c.o.d"
  "/work/main/src/storage/flash_store.c" "CMakeFiles/citadel_shared.dir/src/storage/flash_store.c.o" "gcc" "CMakeFiles/citadel_shared.dir/src/storage/flash_store.c.o.d"
  "/work/main/src/storage/its.c" "CMakeFiles/citadel_shared.dir/src/storage/its.c.o" "gcc" "CMakeFiles/citadel_shared.dir/src/storage/its.c.o.d"
  "/work/main/src/storage/ps.c" "CMakeFiles/citadel_shared.dir/src/storage/ps.c.o" "gcc" "CMakeFiles/citadel_shared.dir/src/storage/ps.c.o.d"
  "/work/main/src/storage/store.c" "CMakeFiles/citadel_shared.dir/src/storage/store.c.o" "gcc" "CMakeFiles/citadel_shared.dir/src/storage/store.c.o.d"
  "/work/main/src/util/util.c" "CMakeFiles/citadel_shared.dir/src/util/util.c.o" "gcc" "CMakeFiles/citadel_shared.dir/src/util/util.c.o.d"
  )

# Targets to which this target links.
set(CMAKE_TARGET_LINKED_INFO_FILES
  )

# Fortran module output directory.
set(CMAKE_Fortran_TARGET_MODULE_DIR "")
