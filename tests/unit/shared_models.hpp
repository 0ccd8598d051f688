#pragma once
// The 13 models of ../shared/models (MANIFEST.md) by file stem, the SVDF model
// (tflm_keyword_scrambled_8bit) included: tests that must cover every real model use
// this one list.
namespace mcusim::test {

inline const char* const kSharedModels[] = {
    "mlperftiny_vww_96_int8", "mlperftiny_ic_resnet8_int8", "mlperftiny_kws_dscnn_int8",
    "mlperftiny_ad01_fc_autoencoder_int8", "mlperftiny_sww_ref_model", "tflm_person_detect_int8",
    "tflm_micro_speech_quantized", "tflm_hello_world_int8", "tflm_keyword_scrambled_8bit",
    "tflm_xtensa_mobilenet_v2_quantized_1x3x224x224", "mcunet_tinyengine_vww",
    "mcunetv2_tinyengine_large", "mcunet_tinyengine_detection",
};

}  // namespace mcusim::test
