import { defineMessages } from "./define";

export default defineMessages(
  {
    title: "Settings",
    description: "Your profile, language and password.",
    profile: "Profile",
    name: "Name",
    email: "Email",
    language: "Language",
    saveProfile: "Save profile",
    profileSaved: "Profile saved",
    password: "Password",
    passwordDescription: "Changing your password signs you out everywhere, including here.",
    currentPassword: "Current password",
    newPassword: "New password",
    changePassword: "Change password",
  },
  {
    title: "Configurações",
    description: "Seu perfil, idioma e senha.",
    profile: "Perfil",
    name: "Nome",
    email: "E-mail",
    language: "Idioma",
    saveProfile: "Salvar perfil",
    profileSaved: "Perfil salvo",
    password: "Senha",
    passwordDescription: "Alterar a senha encerra todas as sessões, inclusive esta.",
    currentPassword: "Senha atual",
    newPassword: "Nova senha",
    changePassword: "Alterar senha",
  },
);
